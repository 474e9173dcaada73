import type { eventSummaryBody } from '@tongxin/contracts';
import type { z } from 'zod';
import type { Ctx } from '../../context.js';
import { removeStored } from '../../platform/files/store.js';
import { invalid } from '../../platform/http/errors.js';
import { setOwnerAttachments } from '../attachments/attachment.repository.js';
import { managedEvent } from './event-access.js';
import { EVENT_PHOTOS } from './event-attachments.js';

type Input = z.output<typeof eventSummaryBody>;

/**
 * The organiser writes the summary, the follow-ups (each may name the service request an enterprise raised
 * there; it must lie in the organiser's reach) and keeps the photos.
 */
export async function saveEventSummary(ctx: Ctx, eventId: string, input: Input): Promise<void> {
  const now = ctx.clock.now().toISOString();
  const removed = await ctx.db.transaction().execute(async (trx) => {
    const access = ctx.access.in(trx);
    const event = await managedEvent(trx, access, eventId);
    const linked = [...new Set(input.followUps.flatMap((f) => (f.serviceRequestId ? [f.serviceRequestId] : [])))];
    if (linked.length > 0) {
      const found = await trx.selectFrom('service_request').select(['id', 'org_id']).where('id', 'in', linked).execute();
      for (const id of linked) {
        const row = found.find((r) => r.id === id);
        if (!row || !(await access.can('org.read', row.org_id))) {
          throw invalid('followUps', '关联的服务诉求不存在或不在您的管理范围内');
        }
      }
    }
    await trx
      .updateTable('event')
      .set({ summary: input.summary || null, follow_ups: JSON.stringify(input.followUps), updated_at: now })
      .where('id', '=', eventId)
      .execute();
    const { removed } = await setOwnerAttachments(trx, {
      ownerKind: EVENT_PHOTOS.kind,
      ownerId: eventId,
      orgId: event.org_id,
      userId: access.user!.id,
      ids: input.photoIds,
      now,
    });
    await ctx.audit.record(trx, ctx.actor, {
      type: 'event.summary',
      orgId: event.org_id,
      objectType: 'event',
      objectId: eventId,
      detail: { followUps: input.followUps.length, photos: input.photoIds.length },
    });
    return removed;
  });
  await removeStored(ctx.config.dataDir, removed);
}
