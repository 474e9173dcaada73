import type { FastifyRequest } from 'fastify';
import type { Deps } from '../../platform/deps.js';
import { addServiceEvent, updateServiceRequest } from './service-request.repository.js';
import { takeStep } from './service-step.js';

/** The enterprise accepts the answer and rates it (1–5, with an optional comment): the request is closed. */
export async function closeServiceRequest(
  deps: Deps,
  request: FastifyRequest,
  id: string,
  input: { rating: number; comment: string | null },
): Promise<void> {
  await takeStep(deps, request, id, 'close', async ({ trx, r, next, at, actor }) => {
    await updateServiceRequest(trx, r, {
      status: next,
      closed_at: at,
      rating: input.rating,
      rating_comment: input.comment,
      last_activity_at: at,
      updated_at: at,
    });
    await addServiceEvent(trx, {
      requestId: id,
      at,
      kind: 'close',
      side: 'requester',
      actor,
      body: input.comment,
      rating: input.rating,
    });
    await deps.audit.record(trx, request.auditContext(), {
      type: 'service.close',
      orgId: r.org_id,
      objectType: 'service_request',
      objectId: id,
      detail: { rating: input.rating, assigneeId: r.assignee_id },
    });
  });
}
