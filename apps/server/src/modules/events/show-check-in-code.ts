import type { CheckInCodeResponse } from '@tongxin/contracts';
import type { Ctx } from '../../context.js';
import { conflict, notFound } from '../../platform/http/errors.js';
import { issueCheckInCode } from './check-in-code.js';
import { registrationOfUser } from './event.repository.js';
import { visibleEvent } from './event-access.js';
import { refuseIfEnded } from './event-rules.js';

/** The caller's own check-in code for an event they hold a seat at (the page shows it as a QR code). */
export async function showCheckInCode(ctx: Ctx, eventId: string): Promise<CheckInCodeResponse> {
  return ctx.db.transaction().execute(async (trx) => {
    const access = ctx.access.in(trx);
    const { event } = await visibleEvent(trx, access, eventId);
    const reg = await registrationOfUser(trx, eventId, access.user!.id);
    if (!reg || reg.status === 'cancelled') throw notFound('报名');
    refuseIfEnded(event, ctx.clock.now(), '签到');
    if (reg.status === 'waiting') throw conflict('您在候补名单中，递补后才有签到码');
    if (reg.checked_in_at) throw conflict('您已签到');
    return issueCheckInCode(ctx, eventId, reg.id);
  });
}
