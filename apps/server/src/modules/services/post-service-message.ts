import type { Ctx } from '../../context.js';
import { attachToEntry } from './service-attachments.js';
import { addServiceEvent, updateServiceRequest } from './service-request.repository.js';
import { takeStep } from './service-step.js';

/** Either side adds a message (and files) to the thread of a request still in hand; the status stays. */
export async function postServiceMessage(
  ctx: Ctx,
  id: string,
  input: { body: string; attachmentIds: string[] },
): Promise<string> {
  return takeStep(ctx, id, 'message', async ({ trx, r, at, actor, side }) => {
    await updateServiceRequest(trx, r, { last_activity_at: at, updated_at: at });
    const entry = await addServiceEvent(trx, { requestId: id, at, kind: 'message', side, actor, body: input.body });
    await attachToEntry(trx, { requestOrgId: r.org_id, entryId: entry, userId: actor.id, ids: input.attachmentIds, at });
    await ctx.audit.record(trx, ctx.actor, {
      type: 'service.message',
      orgId: r.org_id,
      objectType: 'service_request',
      objectId: id,
      detail: { side, entryId: entry, attachments: input.attachmentIds.length },
    });
    return entry;
  });
}
