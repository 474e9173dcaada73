import { loadEnterprise } from '../../access/enterprise-scope.js';
import type { Ctx } from '../../context.js';
import { beijingDate } from '../../platform/clock.js';
import { conflict } from '../../platform/http/errors.js';

/**
 * Takes an enterprise off the registry (closed, moved away): it leaves lists and coverage figures, its record,
 * work log and assignments stay. Running instructor assignments end the same day.
 */
export async function archiveEnterprise(ctx: Ctx, id: string, reason: string): Promise<void> {
  const now = ctx.clock.now();
  const today = beijingDate(now);
  await ctx.db.transaction().execute(async (trx) => {
    const access = ctx.access.in(trx);
    const e = await loadEnterprise(trx, access, id, today, 'manage');
    const archived = await trx
      .updateTable('enterprise')
      .set((eb) => ({
        archived_at: now.toISOString(),
        archive_reason: reason,
        updated_at: now.toISOString(),
        version: eb('version', '+', 1),
      }))
      .where('id', '=', id)
      .where('archived_at', 'is', null)
      .executeTakeFirst();
    if (Number(archived.numUpdatedRows) !== 1) throw conflict('该企业已归档');
    const ended = await trx
      .updateTable('instructor_assignment')
      .set({ ends_on: today, updated_at: now.toISOString() })
      .where('enterprise_id', '=', id)
      .where((eb) => eb.or([eb('ends_on', 'is', null), eb('ends_on', '>', today)]))
      .executeTakeFirst();
    await ctx.audit.record(trx, ctx.actor, {
      type: 'enterprise.archive',
      orgId: e.area_org_id,
      objectType: 'enterprise',
      objectId: id,
      detail: { reason, endedAssignments: Number(ended.numUpdatedRows) },
    });
  });
}
