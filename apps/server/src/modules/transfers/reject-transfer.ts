import type { Ctx } from '../../context.js';
import { actorOf, addTransferEvent, settleTransfer } from './transfer.repository.js';
import { loadTransfer, requireAction } from './transfer-sides.js';

/**
 * 退回: the receiving side refuses the transfer, with its reason (for a transfer out, the sending side records
 * that the organisation outside refused it). The member stays where they were.
 */
export async function rejectTransfer(ctx: Ctx, id: string, reason: string): Promise<void> {
  const at = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const access = ctx.access.in(trx);
    const { t, sides } = await loadTransfer(trx, access, id);
    requireAction('reject', t, sides);
    await settleTransfer(trx, t, { status: 'rejected', at, note: reason });
    await addTransferEvent(trx, { transferId: id, at, actor: actorOf(access), action: 'reject', note: reason });
    await ctx.audit.record(trx, ctx.actor, {
      type: 'transfer.reject',
      orgId: t.direction === 'out' ? t.from_org_id : t.to_org_id,
      objectType: 'transfer',
      objectId: id,
      detail: { direction: t.direction, letterNo: t.letter_no, reason },
    });
  });
}
