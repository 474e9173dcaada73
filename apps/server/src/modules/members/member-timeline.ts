import type { Ctx } from '../../context.js';
import { notFound } from '../../platform/http/errors.js';
import type { MemberChange } from './member.repository.js';

/** A member's timeline: every version of the record and every event that touched it, newest first. */
export async function memberTimeline(ctx: Ctx, id: string) {
  const member = await ctx.db.selectFrom('member').select('org_id').where('id', '=', id).executeTakeFirst();
  if (!member) throw notFound('党员');
  await ctx.access.authorize('member.read', member.org_id, '党员');
  const rows = await ctx.db
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
