import type { TransferDetail } from '@tongxin/contracts';
import type { Ctx } from '../../context.js';
import { beijingDate } from '../../platform/clock.js';
import { presentTransfer } from './transfer.presenter.js';
import { findTransferEvents, findTransferView } from './transfer.repository.js';
import { loadTransfer, may } from './transfer-sides.js';

/** One transfer with its history, for either side; what this user may do with it now. */
export async function getTransfer(ctx: Ctx, id: string): Promise<TransferDetail> {
  const { t, sides } = await loadTransfer(ctx.db, ctx.access, id);
  const row = await findTransferView(ctx.db, id);
  const events = await findTransferEvents(ctx.db, id);
  const abilities = {
    accept: may('accept', t, sides),
    reject: may('reject', t, sides),
    cancel: may('cancel', t, sides),
    receipt: may('receipt', t, sides),
  };
  return {
    ...presentTransfer(row, beijingDate(ctx.clock.now()), abilities),
    events,
  };
}
