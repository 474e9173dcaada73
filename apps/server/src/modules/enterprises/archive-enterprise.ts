import type { Ctx } from '../../context.js';
import { beijingDate } from '../../platform/clock.js';
import { conflict } from '../../platform/http/errors.js';
import { archiveEnterpriseRow } from './enterprise.repository.js';
import { loadEnterpriseFor } from './enterprise-rules.js';
import { endRunningAssignments } from './instructor.repository.js';

/**
 * Takes an enterprise off the registry (closed, moved away): it leaves lists and coverage figures, its record,
 * work log and assignments stay. Running instructor assignments end the same day.
 */
export async function archiveEnterprise(ctx: Ctx, id: string, reason: string): Promise<void> {
  const now = ctx.clock.now();
  const today = beijingDate(now);
  const at = now.toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const access = ctx.access.in(trx);
    const e = await loadEnterpriseFor(trx, access, id, today, 'manage');
    if (!(await archiveEnterpriseRow(trx, id, at, reason))) throw conflict('该企业已归档');
    const ended = await endRunningAssignments(trx, id, today, at);
    await ctx.audit.record(trx, ctx.actor, {
      type: 'enterprise.archive',
      orgId: e.areaOrgId,
      objectType: 'enterprise',
      objectId: id,
      detail: { reason, endedAssignments: ended },
    });
  });
}
