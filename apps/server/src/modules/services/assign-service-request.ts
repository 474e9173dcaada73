import type { Ctx } from '../../context.js';
import { conflict, invalid } from '../../platform/http/errors.js';
import { handlersFor } from './service-list.repository.js';
import { addServiceEvent, updateServiceRequest } from './service-request.repository.js';
import { takeStep } from './service-step.js';

/**
 * A handler assigns the request (to themselves or another handler of the same committee): an open request
 * goes into progress; a reassignment keeps its status. Both are kept in the thread, with who before and after.
 */
export async function assignServiceRequest(
  ctx: Ctx,
  id: string,
  input: { assigneeId: string; note: string | null },
): Promise<void> {
  await takeStep(ctx, id, 'assign', async ({ trx, r, next, at, actor }) => {
    const [assignee] = await handlersFor(trx, r.org_id, input.assigneeId);
    if (!assignee) throw invalid('assigneeId', '承办人应为负责该企业的党委工作人员');
    if (assignee.id === r.assignee_id) throw conflict(`该诉求已由${assignee.name}承办`);
    await updateServiceRequest(trx, r, {
      status: next,
      assignee_id: assignee.id,
      assignee_name: assignee.name,
      last_activity_at: at,
      updated_at: at,
    });
    await addServiceEvent(trx, {
      requestId: id,
      at,
      kind: 'assign',
      side: 'handler',
      actor,
      body: input.note,
      assignee: { id: assignee.id, name: assignee.name },
    });
    await ctx.audit.record(trx, ctx.actor, {
      type: 'service.assign',
      orgId: r.org_id,
      objectType: 'service_request',
      objectId: id,
      detail: {
        from: r.assignee_id ? { id: r.assignee_id, name: r.assignee_name } : null,
        to: { id: assignee.id, name: assignee.name },
        note: input.note,
      },
    });
  });
}
