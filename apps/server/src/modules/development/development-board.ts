import type { Ctx } from '../../context.js';
import { beijingDate } from '../../platform/clock.js';
import { presentSummary } from './development.presenter.js';
import { activeFilesUnder, stageCounts } from './development-list.repository.js';

export const BOARD_LIMIT = 500;

/** The pipeline board of an org and everything below it: people in development by stage, with counts. */
export async function developmentBoard(ctx: Ctx, orgId: string) {
  const today = beijingDate(ctx.clock.now());
  await ctx.access.authorize('development.read', orgId, '党组织');
  const scope = ctx.access.scope('development.read', 'development.org_id');
  const rows = await activeFilesUnder(ctx.db, orgId, scope, BOARD_LIMIT + 1);
  const counted = await stageCounts(ctx.db, orgId, scope);
  const counts: Record<string, number> = { applicant: 0, activist: 0, candidate: 0, admission: 0, probation: 0, done: 0 };
  for (const c of counted) {
    if (c.status === 'active') counts[c.stage] = (counts[c.stage] ?? 0) + c.n;
    else if (c.status === 'done') counts.done = (counts.done ?? 0) + c.n;
  }
  return {
    counts,
    people: rows.slice(0, BOARD_LIMIT).map((r) => presentSummary(r, r.orgName, today)),
    truncated: rows.length > BOARD_LIMIT,
  };
}
