import type { Ctx } from '../../context.js';
import { beijingDate } from '../../platform/clock.js';
import { conflict } from '../../platform/http/errors.js';
import { restoreEnterpriseRow } from './enterprise.repository.js';
import { loadEnterpriseFor } from './enterprise-rules.js';

/**
 * Brings an archived enterprise back onto the registry (archived by mistake, or back in the city). Its credit
 * code stays its own for good, so this is also how a returning enterprise is registered again. Instructor
 * assignments ended by the archive stay ended: assign again if needed.
 */
export async function restoreEnterprise(ctx: Ctx, id: string, reason: string): Promise<void> {
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const access = ctx.access.in(trx);
    const e = await loadEnterpriseFor(trx, access, id, beijingDate(now), 'manage');
    if (!(await restoreEnterpriseRow(trx, id, now.toISOString()))) throw conflict('该企业未归档');
    await ctx.audit.record(trx, ctx.actor, {
      type: 'enterprise.restore',
      orgId: e.areaOrgId,
      objectType: 'enterprise',
      objectId: id,
      detail: { reason, archivedFor: e.archiveReason },
    });
  });
}
