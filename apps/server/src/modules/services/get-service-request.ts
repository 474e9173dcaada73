import type { ServiceRequestDetail } from '@tongxin/contracts';
import type { Ctx } from '../../context.js';
import { beijingDate } from '../../platform/clock.js';
import { entryAttachments } from './service-attachments.js';
import { findListedServiceRequest } from './service-list.repository.js';
import { presentServiceRequest } from './service-request.presenter.js';
import { threadOf } from './service-request.repository.js';
import { abilitiesOf, loadServiceRequest } from './service-sides.js';

/** One request with its whole thread and files, for either side, and what this user may do with it now. */
export async function getServiceRequest(ctx: Ctx, id: string): Promise<ServiceRequestDetail> {
  const access = ctx.access;
  const { r, sides } = await loadServiceRequest(ctx.db, access, id);
  const row = await findListedServiceRequest(ctx.db, id);
  const events = await threadOf(ctx.db, id);
  const files = await entryAttachments(
    ctx.db,
    events.map((e) => e.id),
  );
  return {
    ...presentServiceRequest(row, beijingDate(ctx.clock.now())),
    description: r.description,
    ratingComment: r.rating_comment,
    ruleVersion: r.rule_version,
    sides,
    abilities: abilitiesOf(r, sides, access.user?.id ?? null),
    thread: events.map((e) => ({
      id: e.id,
      at: e.at,
      kind: e.kind,
      side: e.side,
      actorName: e.actor_name,
      body: e.body,
      assigneeName: e.assignee_name,
      rating: e.rating,
      attachments: files.get(e.id) ?? [],
    })),
  };
}
