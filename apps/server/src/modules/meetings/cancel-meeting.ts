import type { FastifyRequest } from 'fastify';
import type { Deps } from '../../platform/deps.js';
import { conflict, notFound } from '../../platform/http/errors.js';
import { retallyChange } from './save-meeting.js';

/** Cancels a planned meeting, or withdraws a record made in error (it stops counting in compliance); audited. */
export async function cancelMeeting(deps: Deps, request: FastifyRequest, id: string, reason: string): Promise<void> {
  const at = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    const access = request.access.in(trx);
    const before = await trx.selectFrom('meeting').selectAll().where('id', '=', id).executeTakeFirst();
    if (!before || !(await access.can('meeting.read', before.org_id))) throw notFound('会议');
    await access.authorize('meeting.manage', before.org_id);
    if (before.status === 'cancelled') throw conflict('会议已经取消');
    await trx
      .updateTable('meeting')
      .set({ status: 'cancelled', cancel_reason: reason, updated_at: at })
      .where('id', '=', id)
      .execute();
    await retallyChange(trx, before, { ...before, status: 'cancelled' });
    await deps.audit.record(trx, request.auditContext(), {
      type: 'meeting.cancel',
      orgId: before.org_id,
      objectType: 'meeting',
      objectId: id,
      detail: { kind: before.kind, wasStatus: before.status, heldOn: before.held_on, reason },
    });
  });
}
