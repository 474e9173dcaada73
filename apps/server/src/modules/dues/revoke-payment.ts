import type { Ctx } from '../../context.js';
import { conflict, notFound } from '../../platform/http/errors.js';
import { findPayment, revokePaymentRow } from './dues.repository.js';

/**
 * Corrects a wrong entry: the payment stays on record, marked revoked with the reason, and the month is open
 * to be recorded again. Only the org that recorded the payment may revoke it: after a transfer the member's
 * new branch does not correct the old branch's books.
 */
export async function revokePayment(ctx: Ctx, id: string, reason: string): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const access = ctx.access.in(trx);
    const payment = await findPayment(trx, id);
    if (!payment) throw notFound('缴纳记录');
    await access.authorize('dues.manage', payment.org_id, '缴纳记录');
    if (payment.revoked_at !== null) throw conflict('该缴纳记录已撤销');
    // Checked again by the UPDATE itself: of two revokes racing, only one changes the row.
    const updated = await revokePaymentRow(trx, id, {
      at: ctx.clock.now().toISOString(),
      byName: access.user!.displayName,
      reason,
    });
    if (!updated) throw conflict('该缴纳记录已撤销');
    await ctx.audit.record(trx, ctx.actor, {
      type: 'dues.payment_revoke',
      orgId: payment.org_id,
      objectType: 'member',
      objectId: payment.member_id,
      detail: { paymentId: id, month: payment.month, amountFen: payment.amount_fen, reason },
    });
  });
}
