import type { FastifyRequest } from 'fastify';
import type { Deps } from '../../platform/deps.js';
import { conflict, notFound } from '../../platform/http/errors.js';

/**
 * Corrects a wrong entry: the payment stays on record, marked revoked with the reason, and the month is open
 * to be recorded again.
 */
export async function revokePayment(deps: Deps, request: FastifyRequest, id: string, reason: string): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const access = request.access.in(trx);
    const payment = await trx
      .selectFrom('dues_payment')
      .innerJoin('member', 'member.id', 'dues_payment.member_id')
      .select([
        'dues_payment.id',
        'dues_payment.month',
        'dues_payment.amount_fen',
        'dues_payment.revoked_at',
        'dues_payment.member_id',
        'member.org_id',
      ])
      .where('dues_payment.id', '=', id)
      .executeTakeFirst();
    if (!payment) throw notFound('缴纳记录');
    await access.authorize('dues.manage', payment.org_id, '缴纳记录');
    if (payment.revoked_at !== null) throw conflict('该缴纳记录已撤销');
    await trx
      .updateTable('dues_payment')
      .set({ revoked_at: deps.clock.now().toISOString(), revoked_by_name: access.user!.displayName, revoke_reason: reason })
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .execute();
    await deps.audit.record(trx, request.auditContext(), {
      type: 'dues.payment_revoke',
      orgId: payment.org_id,
      objectType: 'member',
      objectId: payment.member_id,
      detail: { paymentId: id, month: payment.month, amountFen: payment.amount_fen, reason },
    });
  });
}
