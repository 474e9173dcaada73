import type { RegistrationDto, registerBody } from '@tongxin/contracts';
import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import type { Ctx } from '../../context.js';
import { isUniqueViolation } from '../../platform/db/helpers.js';
import { conflict } from '../../platform/http/errors.js';
import { toRegistration } from './event.presenter.js';
import { insertRegistration, lockEvent, placeRegistration, registrationOfUser } from './event.repository.js';
import { visibleEvent } from './event-access.js';
import { refuseIfEnded } from './event-rules.js';

type Input = z.output<typeof registerBody>;

/**
 * The caller registers for an event they see: a seat while there is one, else the next place on the waiting
 * list. The event's row lock orders concurrent registrations, so the last seat goes to exactly one of them.
 */
export async function registerForEvent(ctx: Ctx, eventId: string, input: Input): Promise<RegistrationDto> {
  const now = ctx.clock.now().toISOString();
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      const access = ctx.access.in(trx);
      const { event } = await visibleEvent(trx, access, eventId);
      refuseIfEnded(event, ctx.clock.now(), '报名');
      await lockEvent(trx, eventId);
      const user = access.user!;
      const existing = await registrationOfUser(trx, eventId, user.id);
      if (existing && existing.status !== 'cancelled') throw conflict('您已报名该活动');
      const place = await placeRegistration(trx, eventId);
      let id: string;
      if (existing) {
        id = existing.id;
        await trx
          .updateTable('event_registration')
          .set({
            status: place.status,
            queue_position: place.queuePosition,
            category: input.category,
            unit: input.unit,
            registered_at: now,
          })
          .where('id', '=', existing.id)
          .execute();
      } else {
        id = uuidv7();
        await insertRegistration(trx, {
          id,
          eventId,
          userId: user.id,
          name: user.displayName,
          unit: input.unit,
          category: input.category,
          status: place.status,
          queuePosition: place.queuePosition,
          now,
        });
      }
      await ctx.audit.record(trx, ctx.actor, {
        type: 'event.register',
        orgId: event.org_id,
        objectType: 'event',
        objectId: eventId,
        detail: { registrationId: id, status: place.status, queuePosition: place.queuePosition, category: input.category },
      });
      return toRegistration((await registrationOfUser(trx, eventId, user.id))!);
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw conflict('您已报名该活动');
    throw e;
  }
}
