import type { Ctx } from '../../context.js';
import { conflict, forbidden, notFound } from '../../platform/http/errors.js';
import { findRegistration, lockEvent, promoteFirstWaiting } from './event.repository.js';
import { visibleEvent } from './event-access.js';
import { refuseIfEnded } from './event-rules.js';

/**
 * A registration is cancelled by its own account or by the organiser. A freed seat goes to the first on the
 * waiting list (lowest number), under the event's lock, so two cancellations promote two different people.
 */
export async function cancelRegistration(ctx: Ctx, eventId: string, registrationId: string): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const access = ctx.access.in(trx);
    const { event, manage } = await visibleEvent(trx, access, eventId);
    await lockEvent(trx, eventId);
    const reg = await findRegistration(trx, eventId, registrationId);
    if (!reg) throw notFound('报名');
    const own = reg.user_id !== null && reg.user_id === access.user?.id;
    if (!own && !manage) throw notFound('报名');
    refuseIfEnded(event, ctx.clock.now(), '取消报名');
    if (reg.status === 'cancelled') throw conflict('该报名已取消');
    if (reg.checked_in_at) throw forbidden('已签到的报名不能取消');
    await trx
      .updateTable('event_registration')
      .set({ status: 'cancelled', queue_position: null })
      .where('id', '=', reg.id)
      .execute();
    const promoted = reg.status === 'registered' ? await promoteFirstWaiting(trx, eventId) : null;
    await ctx.audit.record(trx, ctx.actor, {
      type: 'event.cancel_registration',
      orgId: event.org_id,
      objectType: 'event',
      objectId: eventId,
      detail: { registrationId, by: own ? 'self' : 'organiser', promoted: promoted?.id ?? null },
    });
  });
}
