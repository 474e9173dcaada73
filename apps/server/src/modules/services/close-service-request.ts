import type { Ctx } from '../../context.js';
import { addServiceEvent, updateServiceRequest } from './service-request.repository.js';
import { takeStep } from './service-step.js';

/** The enterprise accepts the answer and rates it (1–5, with an optional comment): the request is closed. */
export async function closeServiceRequest(
  ctx: Ctx,
  id: string,
  input: { rating: number; comment: string | null },
): Promise<void> {
  await takeStep(ctx, id, 'close', async ({ trx, r, next, at, actor }) => {
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
    await ctx.audit.record(trx, ctx.actor, {
      type: 'service.close',
      orgId: r.org_id,
      objectType: 'service_request',
      objectId: id,
      detail: { rating: input.rating, assigneeId: r.assignee_id },
    });
  });
}
