import type { Ctx } from '../../context.js';
import { notFound } from '../../platform/http/errors.js';
import { findMemberHistory, findMemberOrgId } from './member.repository.js';

/** A member's timeline: every version of the record and every event that touched it, newest first. */
export async function memberTimeline(ctx: Ctx, id: string) {
  const orgId = await findMemberOrgId(ctx.db, id);
  if (!orgId) throw notFound('党员');
  await ctx.access.authorize('member.read', orgId, '党员');
  return { items: await findMemberHistory(ctx.db, id) };
}
