import type { FastifyRequest } from 'fastify';
import type { Deps } from '../../platform/deps.js';
import { actorOf, addTransferEvent, settleTransfer } from './transfer.repository.js';
import { loadTransfer, requireAction } from './transfer-sides.js';

/**
 * 退回: the receiving side refuses the transfer, with its reason (for a transfer out, the sending side records
 * that the organisation outside refused it). The member stays where they were.
 */
export async function rejectTransfer(deps: Deps, request: FastifyRequest, id: string, reason: string): Promise<void> {
  const at = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    const access = request.access.in(trx);
    const { t, sides } = await loadTransfer(trx, access, id);
    requireAction('reject', t, sides);
    await settleTransfer(trx, t, { status: 'rejected', at, note: reason });
    await addTransferEvent(trx, { transferId: id, at, actor: actorOf(access), action: 'reject', note: reason });
    await deps.audit.record(trx, request.auditContext(), {
      type: 'transfer.reject',
      orgId: t.direction === 'out' ? t.from_org_id : t.to_org_id,
      objectType: 'transfer',
      objectId: id,
      detail: { direction: t.direction, letterNo: t.letter_no, reason },
    });
  });
}
