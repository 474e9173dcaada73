import type { Ctx } from '../../context.js';
import { conflict } from '../../platform/http/errors.js';
import { factsOf, loadFile, saveFile } from './development.repository.js';

/**
 * Ends a file without admission (withdrew, a failed vote or review, left the unit), with the reason. The file is
 * kept; a probationary member's ledger record is dealt with on the ledger (取消预备党员资格 is an archive there).
 */
export async function closeDevelopment(ctx: Ctx, id: string, reason: string) {
  const at = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const access = ctx.access.in(trx);
    const row = await loadFile(trx, access, id, 'development.manage');
    if (row.status !== 'active') throw conflict('该发展档案已结束');
    await saveFile(trx, row, await factsOf(trx, row), at, { status: 'closed', closed_reason: reason, next_due: null });
    await ctx.audit.record(trx, ctx.actor, {
      type: 'development.close',
      orgId: row.org_id,
      objectType: 'development',
      objectId: row.id,
      detail: { reason, lastStep: row.last_step },
    });
  });
  return { ok: true as const };
}
