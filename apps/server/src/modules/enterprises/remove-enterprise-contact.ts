import type { Ctx } from '../../context.js';
import { beijingDate } from '../../platform/clock.js';
import { notFound } from '../../platform/http/errors.js';
import { deleteContact } from './enterprise-account.repository.js';
import { loadEnterpriseFor } from './enterprise-rules.js';

/** Unlinks a contact account from an enterprise (`enterprise.manage` there). */
export async function removeContact(ctx: Ctx, id: string, userId: string): Promise<void> {
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const access = ctx.access.in(trx);
    const e = await loadEnterpriseFor(trx, access, id, beijingDate(now), 'manage');
    if (!(await deleteContact(trx, id, userId))) throw notFound('联络员');
    await ctx.audit.record(trx, ctx.actor, {
      type: 'enterprise.contact_remove',
      orgId: e.areaOrgId,
      objectType: 'enterprise',
      objectId: id,
      detail: { userId },
    });
  });
}
