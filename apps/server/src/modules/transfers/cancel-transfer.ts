import type { Ctx } from '../../context.js';
import { actorOf, addTransferEvent, settleTransfer } from './transfer.repository.js';
import { loadTransfer, requireAction } from './transfer-sides.js';

/**
 * 撤销: the side that started the transfer withdraws it while it is pending (the sending side's letter, or the
 * receiving side's registration of a transfer in). Its letter number becomes free again.
 */
export async function cancelTransfer(ctx: Ctx, id: string, reason: string): Promise<void> {
  const at = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const access = ctx.access.in(trx);
    const { t, sides } = await loadTransfer(trx, access, id);
    requireAction('cancel', t, sides);
    await settleTransfer(trx, t, { status: 'cancelled', at, note: reason });
    await addTransferEvent(trx, { transferId: id, at, actor: actorOf(access), action: 'cancel', note: reason });
    await ctx.audit.record(trx, ctx.actor, {
      type: 'transfer.cancel',
      orgId: t.direction === 'in' ? t.to_org_id : t.from_org_id,
      objectType: 'transfer',
      objectId: id,
      detail: { direction: t.direction, letterNo: t.letter_no, reason },
    });
  });
}
