import type { ServiceRequestDetail } from '@tongxin/contracts';
import type { FastifyRequest } from 'fastify';
import { beijingDate } from '../../platform/clock.js';
import type { Deps } from '../../platform/deps.js';
import { entryAttachments } from './service-attachments.js';
import { presentServiceRequest, selectServiceRequests } from './service-request.presenter.js';
import { abilitiesOf, loadServiceRequest } from './service-sides.js';

/** One request with its whole thread and files, for either side, and what this user may do with it now. */
export async function getServiceRequest(deps: Deps, request: FastifyRequest, id: string): Promise<ServiceRequestDetail> {
  const access = request.access;
  const { r, sides } = await loadServiceRequest(deps.db, access, id);
  const row = await selectServiceRequests(deps.db.selectFrom('service_request'))
    .where('service_request.id', '=', id)
    .executeTakeFirstOrThrow();
  const events = await deps.db
    .selectFrom('service_request_event')
    .selectAll()
    .where('request_id', '=', id)
    .orderBy('at')
    .orderBy('id')
    .execute();
  const files = await entryAttachments(
    deps.db,
    events.map((e) => e.id),
  );
  return {
    ...presentServiceRequest(row, beijingDate(deps.clock.now())),
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
      rating: e.rating === null ? null : Number(e.rating),
      attachments: files.get(e.id) ?? [],
    })),
  };
}
