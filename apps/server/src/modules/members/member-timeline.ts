import type { FastifyRequest } from 'fastify';
import type { Deps } from '../../platform/deps.js';
import { notFound } from '../../platform/http/errors.js';
import type { MemberChange } from './member.repository.js';

/** A member's timeline: every version of the record and every event that touched it, newest first. */
export async function memberTimeline(deps: Deps, request: FastifyRequest, id: string) {
  const member = await deps.db.selectFrom('member').select('org_id').where('id', '=', id).executeTakeFirst();
  if (!member) throw notFound('党员');
  await request.access.authorize('member.read', member.org_id, '党员');
  const rows = await deps.db
    .selectFrom('member_history')
    .selectAll()
    .where('member_id', '=', id)
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return {
    items: rows.map((r) => ({
      id: r.id,
      at: r.at,
      action: r.action,
      actorName: r.actor_name,
      reason: r.reason,
      changes: JSON.parse(r.changes) as MemberChange[],
    })),
  };
}
