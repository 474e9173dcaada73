import type { addParticipantBody, RegistrationDto } from '@tongxin/contracts';
import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import type { Ctx } from '../../context.js';
import { isUniqueViolation } from '../../platform/db/helpers.js';
import { conflict, invalid } from '../../platform/http/errors.js';
import { toRegistration } from './event.presenter.js';
import { findRegistration, insertRegistration, lockEvent, placeRegistration } from './event.repository.js';
import { managedEvent } from './event-access.js';
import { refuseIfEnded } from './event-rules.js';

type Input = z.output<typeof addParticipantBody>;

/**
 * The organiser invites a person: a guest by name (an enterprise head, an official, an association's
 * representative; ticked in at the door) or an account, who then sees the event and their code in 我的.
 * Seats and the waiting list work as for anyone registering.
 */
export async function addParticipant(ctx: Ctx, eventId: string, input: Input): Promise<RegistrationDto> {
  const now = ctx.clock.now().toISOString();
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      const access = ctx.access.in(trx);
      const event = await managedEvent(trx, access, eventId);
      refuseIfEnded(event, ctx.clock.now(), '添加参与者');
      if (input.userId) {
        const user = await trx
          .selectFrom('app_user')
          .select('id')
          .where('id', '=', input.userId)
          .where('disabled_at', 'is', null)
          .executeTakeFirst();
        if (!user) throw invalid('userId', '该账号不存在或已停用');
      }
      await lockEvent(trx, eventId);
      const place = await placeRegistration(trx, eventId);
      const id = uuidv7();
      await insertRegistration(trx, {
        id,
        eventId,
        userId: input.userId,
        name: input.name,
        unit: input.unit,
        category: input.category,
        status: place.status,
        queuePosition: place.queuePosition,
        now,
      });
      await ctx.audit.record(trx, ctx.actor, {
        type: 'event.add_participant',
        orgId: event.org_id,
        objectType: 'event',
        objectId: eventId,
        detail: { registrationId: id, name: input.name, category: input.category, status: place.status },
      });
      return toRegistration((await findRegistration(trx, eventId, id))!);
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw conflict('该账号已在报名名单中');
    throw e;
  }
}
