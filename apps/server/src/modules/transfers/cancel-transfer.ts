import type { FastifyRequest } from 'fastify';
import type { Deps } from '../../platform/deps.js';
import { actorOf, addTransferEvent, settleTransfer } from './transfer.repository.js';
import { loadTransfer, requireAction } from './transfer-sides.js';

/**
 * 撤销: the side that started the transfer withdraws it while it is pending (the sending side's letter, or the
 * receiving side's registration of a transfer in). Its letter number becomes free again.
 */
export async function cancelTransfer(deps: Deps, request: FastifyRequest, id: string, reason: string): Promise<void> {
  const at = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    const access = request.access.in(trx);
    const { t, sides } = await loadTransfer(trx, access, id);
    requireAction('cancel', t, sides);
    await settleTransfer(trx, t, { status: 'cancelled', at, note: reason });
    await addTransferEvent(trx, { transferId: id, at, actor: actorOf(access), action: 'cancel', note: reason });
    await deps.audit.record(trx, request.auditContext(), {
      type: 'transfer.cancel',
      orgId: t.direction === 'in' ? t.to_org_id : t.from_org_id,
      objectType: 'transfer',
      objectId: id,
      detail: { direction: t.direction, letterNo: t.letter_no, reason },
    });
  });
}
