import { serviceReopenDueDate } from '@tongxin/contracts';
import type { Ctx } from '../../context.js';
import { addServiceEvent, updateServiceRequest } from './service-request.repository.js';
import { takeStep } from './service-step.js';

/**
 * The enterprise is not satisfied with the answer: the request goes back to its assignee, due again after the
 * rule's reopening period (or at its old deadline, if that is later).
 */
export async function reopenServiceRequest(ctx: Ctx, id: string, reason: string): Promise<void> {
  await takeStep(ctx, id, 'reopen', async ({ trx, r, next, at, today, actor }) => {
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
    await ctx.audit.record(trx, ctx.actor, {
      type: 'service.reopen',
      orgId: r.org_id,
      objectType: 'service_request',
      objectId: id,
      detail: { reason, dueOn, times: Number(r.reopen_count) + 1 },
    });
  });
}
