import { type Expression, type SqlBool, sql } from 'kysely';
import type { Ctx } from '../../context.js';
import { forbidden } from '../../platform/http/errors.js';
import { raisableEnterprises } from './service-list.repository.js';
import { contactEnterpriseIds } from './service-request.repository.js';
import { mayRaiseAnywhere } from './service-scope.js';

/**
 * The enterprises the user may raise a request for (the form's choice): those it is the contact of, and those
 * its org covers (a secretary), never those whose requests it handles. Names only, at most 50.
 */
export async function serviceEnterprises(ctx: Ctx, q: string | undefined) {
  const access = ctx.access;
  const contact = access.holdsAnywhere('service.contact');
  const secretary = access.holdsAnywhere('service.request');
  if (!mayRaiseAnywhere(access)) throw forbidden();
  const userId = access.user!.id;
  const items = await raisableEnterprises(
    ctx.db,
    (eb) => {
      const parts: Expression<SqlBool>[] = [];
      if (secretary) parts.push(access.within('service.request', 'enterprise.covering_org_id'));
      if (contact) parts.push(eb('enterprise.id', 'in', contactEnterpriseIds(ctx.db, userId)));
      return eb.and([eb.or(parts), sql<SqlBool>`not ${access.within('service.handle', 'enterprise.area_org_id')}`]);
    },
    q,
  );
  return { items };
}
