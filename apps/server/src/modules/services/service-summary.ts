import type { ServiceSummary } from '@tongxin/contracts';
import type { Ctx } from '../../context.js';
import { beijingDate } from '../../platform/clock.js';
import { summaryCounts } from './service-list.repository.js';
import { handlerScope } from './service-scope.js';

/**
 * GET /api/service-requests/summary: the handler's scope at a glance — how many requests of each category are in
 * each status (what enterprises ask for, and what is still open), how many are overdue, and the ratings given.
 * Two grouped queries over the scope.
 */
export async function serviceSummary(ctx: Ctx): Promise<ServiceSummary> {
  const access = ctx.access;
  access.requireAnywhere('service.handle');
  const today = beijingDate(ctx.clock.now());
  const { cells, overdue } = await summaryCounts(ctx.db, handlerScope(access), today);
  const rated = cells.reduce((s, r) => s + r.rated, 0);
  const sum = cells.reduce((s, r) => s + r.ratingSum, 0);
  return {
    cells: cells.map((r) => ({ category: r.category, status: r.status, count: r.count })),
    overdue,
    rated,
    averageRating: rated ? Math.round((sum / rated) * 10) / 10 : null,
  };
}
