import type { Ctx } from '../../context.js';
import { addServiceEvent, updateServiceRequest } from './service-request.repository.js';
import { takeStep } from './service-step.js';

/** The enterprise withdraws a request before it is answered (solved meanwhile, raised by mistake). */
export async function withdrawServiceRequest(ctx: Ctx, id: string, reason: string): Promise<void> {
  await takeStep(ctx, id, 'withdraw', async ({ trx, r, next, at, actor }) => {
    await updateServiceRequest(trx, r, { status: next, closed_at: at, last_activity_at: at, updated_at: at });
    await addServiceEvent(trx, { requestId: id, at, kind: 'withdraw', side: 'requester', actor, body: reason });
    await ctx.audit.record(trx, ctx.actor, {
      type: 'service.withdraw',
      orgId: r.org_id,
      objectType: 'service_request',
      objectId: id,
      detail: { reason, status: r.status },
    });
  });
}
