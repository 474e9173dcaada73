import { serviceReopenDueDate } from '@tongxin/contracts';
import type { FastifyRequest } from 'fastify';
import type { Deps } from '../../platform/deps.js';
import { addServiceEvent, updateServiceRequest } from './service-request.repository.js';
import { takeStep } from './service-step.js';

/**
 * The enterprise is not satisfied with the answer: the request goes back to its assignee, due again after the
 * rule's reopening period (or at its old deadline, if that is later).
 */
export async function reopenServiceRequest(deps: Deps, request: FastifyRequest, id: string, reason: string): Promise<void> {
  await takeStep(deps, request, id, 'reopen', async ({ trx, r, next, at, today, actor }) => {
    const dueOn = serviceReopenDueDate(today, r.due_on);
    await updateServiceRequest(trx, r, {
      status: next,
      due_on: dueOn,
      answered_at: null,
      reopen_count: Number(r.reopen_count) + 1,
      last_activity_at: at,
      updated_at: at,
    });
    await addServiceEvent(trx, { requestId: id, at, kind: 'reopen', side: 'requester', actor, body: reason });
    await deps.audit.record(trx, request.auditContext(), {
      type: 'service.reopen',
      orgId: r.org_id,
      objectType: 'service_request',
      objectId: id,
      detail: { reason, dueOn, times: Number(r.reopen_count) + 1 },
    });
  });
}
