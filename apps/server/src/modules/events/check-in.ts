import type { CheckInResponse } from '@tongxin/contracts';
import type { Ctx } from '../../context.js';
import type { Trx } from '../../platform/db/connect.js';
import { conflict, notFound } from '../../platform/http/errors.js';
import { readCheckInCode } from './check-in-code.js';
import { type EventRow, findRegistration, lockEvent } from './event.repository.js';
import { managedEvent } from './event-access.js';
import { refuseIfEnded } from './event-rules.js';

const beijingTime = (iso: string) => new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(11, 16);

async function markCheckedIn(
  ctx: Ctx,
  trx: Trx,
  event: EventRow,
  registrationId: string,
  how: { method: 'code'; nonce: string } | { method: 'tick' },
): Promise<CheckInResponse> {
  await lockEvent(trx, event.id);
  const reg = await findRegistration(trx, event.id, registrationId);
  if (!reg) throw notFound('报名');
  if (how.method === 'code' && reg.checkin_nonce === how.nonce) {
    throw conflict('此签到码已使用过，不能重复使用');
  }
  if (reg.checked_in_at) throw conflict(`${reg.name}已于${beijingTime(reg.checked_in_at)}签到，无需重复签到`);
  if (reg.status !== 'registered') {
    throw conflict(reg.status === 'waiting' ? `${reg.name}在候补名单中，尚未获得名额` : `${reg.name}的报名已取消`);
  }
  refuseIfEnded(event, ctx.clock.now(), '签到');
  const now = ctx.clock.now().toISOString();
  await trx
    .updateTable('event_registration')
    .set({
      checked_in_at: now,
      checked_in_by: ctx.access.user!.id,
      checkin_method: how.method,
      checkin_nonce: how.method === 'code' ? how.nonce : null,
    })
    .where('id', '=', reg.id)
    .where('checked_in_at', 'is', null)
    .execute();
  await ctx.audit.record(trx, ctx.actor, {
    type: 'event.check_in',
    orgId: event.org_id,
    objectType: 'event',
    objectId: event.id,
    detail: { registrationId: reg.id, name: reg.name, method: how.method },
  });
  return { eventId: event.id, eventTitle: event.title, name: reg.name, category: reg.category, checkedInAt: now };
}

/**
 * The organiser scans a participant's code. A forged, altered or expired code is refused before anything is
 * read; a code already used (its nonce on the registration) is a replay; a second check-in is refused.
 */
export async function checkInByCode(ctx: Ctx, code: string): Promise<CheckInResponse> {
  const claim = readCheckInCode(ctx, code);
  return ctx.db.transaction().execute(async (trx) => {
    const event = await managedEvent(trx, ctx.access.in(trx), claim.eventId);
    return markCheckedIn(ctx, trx, event, claim.registrationId, { method: 'code', nonce: claim.nonce });
  });
}

/** The organiser ticks someone in (a guest without a phone, or a code that will not scan). */
export async function tickIn(ctx: Ctx, eventId: string, registrationId: string): Promise<CheckInResponse> {
  return ctx.db.transaction().execute(async (trx) => {
    const event = await managedEvent(trx, ctx.access.in(trx), eventId);
    return markCheckedIn(ctx, trx, event, registrationId, { method: 'tick' });
  });
}
