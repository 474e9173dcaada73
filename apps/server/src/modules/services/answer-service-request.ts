import type { Ctx } from '../../context.js';
import { attachToEntry } from './service-attachments.js';
import { addServiceEvent, updateServiceRequest } from './service-request.repository.js';
import { takeStep } from './service-step.js';

/** The assignee answers: the request waits for the enterprise to rate it (or to ask again). */
export async function answerServiceRequest(
  ctx: Ctx,
  id: string,
  input: { body: string; attachmentIds: string[] },
): Promise<void> {
  await takeStep(ctx, id, 'answer', async ({ trx, r, next, at, actor }) => {
    await updateServiceRequest(trx, r, { status: next, answered_at: at, last_activity_at: at, updated_at: at });
    const entry = await addServiceEvent(trx, { requestId: id, at, kind: 'answer', side: 'handler', actor, body: input.body });
    await attachToEntry(trx, { requestOrgId: r.org_id, entryId: entry, userId: actor.id, ids: input.attachmentIds, at });
    await ctx.audit.record(trx, ctx.actor, {
      type: 'service.answer',
      orgId: r.org_id,
      objectType: 'service_request',
      objectId: id,
      detail: { dueOn: r.due_on, attachments: input.attachmentIds.length },
    });
  });
}
