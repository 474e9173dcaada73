import type { OrgStarsResponse } from '@tongxin/contracts';
import type { Ctx } from '../../context.js';
import { beijingDate } from '../../platform/clock.js';
import { starsOf } from './rating.repository.js';

/** GET /api/ratings/stars?orgId= — an org's published star level and its history (for the org page). */
export async function orgStars(ctx: Ctx, orgId: string): Promise<OrgStarsResponse> {
  await ctx.access.authorize('org.read', orgId, '党组织');
  const today = beijingDate(ctx.clock.now());
  const rows = await starsOf(ctx.db, [orgId]);
  const currentRow = rows.find((r) => r.valid_from <= today && today <= r.valid_until);
  const history = rows.map((r) => ({
    stars: Number(r.stars),
    roundTitle: r.round_title,
    validFrom: r.valid_from,
    validUntil: r.valid_until,
    current: r === currentRow,
  }));
  return { current: history.find((h) => h.current) ?? null, history };
}
