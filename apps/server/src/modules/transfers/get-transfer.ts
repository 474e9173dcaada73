import type { TransferDetail } from '@tongxin/contracts';
import type { Ctx } from '../../context.js';
import { beijingDate } from '../../platform/clock.js';
import { presentTransfer, selectTransfers } from './transfer.presenter.js';
import { loadTransfer, may } from './transfer-sides.js';

/** One transfer with its history, for either side; what this user may do with it now. */
export async function getTransfer(ctx: Ctx, id: string): Promise<TransferDetail> {
  const { t, sides } = await loadTransfer(ctx.db, ctx.access, id);
  const row = await selectTransfers(ctx.db.selectFrom('transfer')).where('transfer.id', '=', id).executeTakeFirstOrThrow();
  const events = await ctx.db
    .selectFrom('transfer_event')
    .selectAll()
    .where('transfer_id', '=', id)
    .orderBy('at')
    .orderBy('id')
    .execute();
  const abilities = {
    accept: may('accept', t, sides),
    reject: may('reject', t, sides),
    cancel: may('cancel', t, sides),
    receipt: may('receipt', t, sides),
  };
  return {
    ...presentTransfer(row, beijingDate(ctx.clock.now()), abilities),
    events: events.map((e) => ({ id: e.id, at: e.at, action: e.action, actorName: e.actor_name, note: e.note })),
  };
}
