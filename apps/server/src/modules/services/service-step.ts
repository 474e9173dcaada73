import type { ServiceAction, ServiceStatus } from '@tongxin/contracts';
import type { Access } from '../../access/access.js';
import type { Ctx } from '../../context.js';
import { beijingDate } from '../../platform/clock.js';
import type { Trx } from '../../platform/db/connect.js';
import type { ServiceRequestRow } from './service-request.repository.js';
import { loadServiceRequest, requireStep, type ServiceSides } from './service-sides.js';

export interface StepContext {
  trx: Trx;
  access: Access;
  r: ServiceRequestRow;
  sides: ServiceSides;
  /** The status the state machine leads to. */
  next: ServiceStatus;
  at: string;
  today: string;
  actor: { id: string; name: string };
  side: 'requester' | 'handler';
}

/**
 * One step on a ctx, in one transaction: load it through the user's sides (404 to anyone else), check the
 * side and the state machine, then do the step's work (which writes the thread entry and the audit row).
 */
export async function takeStep<T>(
  ctx: Ctx,
  id: string,
  action: ServiceAction,
  work: (ctx: StepContext) => Promise<T>,
): Promise<T> {
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const access = ctx.access.in(trx);
    const { r, sides } = await loadServiceRequest(trx, access, id);
    const user = access.user!;
    const next = requireStep(action, r, sides, user.id);
    return work({
      trx,
      access,
      r,
      sides,
      next,
      at: now.toISOString(),
      today: beijingDate(now),
      actor: { id: user.id, name: user.displayName },
      side: sides.handler ? 'handler' : 'requester',
    });
  });
}
