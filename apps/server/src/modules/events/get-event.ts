import type { EventDetail } from '@tongxin/contracts';
import type { Ctx } from '../../context.js';
import { listAttachments } from '../attachments/attachment.repository.js';
import { loadStudyHourRules } from '../learning/study-hour-rules.repository.js';
import { toEventDetail } from './event.presenter.js';
import { invitesOf, registrationOfUser, registrationsOf, waitingCount } from './event.repository.js';
import { visibleEvent } from './event-access.js';
import { EVENT_PHOTOS } from './event-attachments.js';

/** One event: everyone who sees it gets the plan and their own registration; the organiser also the list. */
export async function getEvent(ctx: Ctx, id: string): Promise<EventDetail> {
  return ctx.db.transaction().execute(async (trx) => {
    const access = ctx.access.in(trx);
    const { event, manage } = await visibleEvent(trx, access, id);
    const mine = access.user ? await registrationOfUser(trx, id, access.user.id) : undefined;
    return toEventDetail({
      event,
      manage,
      mine,
      invites: await invitesOf(trx, id),
      photos: await listAttachments(trx, EVENT_PHOTOS.kind, id),
      registrations: manage ? await registrationsOf(trx, id) : null,
      waitingCount: await waitingCount(trx, id),
      rules: await loadStudyHourRules(trx),
      now: ctx.clock.now(),
    });
  });
}
