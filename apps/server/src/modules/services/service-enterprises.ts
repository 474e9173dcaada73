import { type Expression, type SqlBool, sql } from 'kysely';
import type { Ctx } from '../../context.js';
import { like } from '../../platform/db/helpers.js';
import { forbidden } from '../../platform/http/errors.js';
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
  const rows = await ctx.db
    .selectFrom('enterprise')
    .leftJoin('org', 'org.id', 'enterprise.covering_org_id')
    .select(['enterprise.id', 'enterprise.name', 'org.name as orgName', 'enterprise.area_org_id'])
    .where('enterprise.archived_at', 'is', null)
    .where('enterprise.operating_status', '<>', 'deregistered')
    .where((eb) => {
      const parts: Expression<SqlBool>[] = [];
      if (secretary) parts.push(access.within('service.request', 'enterprise.covering_org_id'));
      if (contact) {
        const linked = eb
          .selectFrom('enterprise_contact')
          .select('enterprise_contact.enterprise_id')
          .where('enterprise_contact.user_id', '=', userId);
        parts.push(eb('enterprise.id', 'in', linked));
      }
      return eb.and([eb.or(parts), sql<SqlBool>`not ${access.within('service.handle', 'enterprise.area_org_id')}`]);
    })
    .$if(Boolean(q), (qb) => qb.where(like('enterprise.name', q!)))
    .orderBy('enterprise.name_pinyin')
    .limit(50)
    .execute();
  return { items: rows.map((r) => ({ id: r.id, name: r.name, orgName: r.orgName, areaOrgId: r.area_org_id })) };
}
