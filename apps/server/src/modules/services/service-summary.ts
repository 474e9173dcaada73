import { SERVICE_PENDING_STATUSES, type ServiceSummary } from '@tongxin/contracts';
import type { Ctx } from '../../context.js';
import { beijingDate } from '../../platform/clock.js';
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
  const rows = await ctx.db
    .selectFrom('service_request')
    .select((eb) => [
      'service_request.category',
      'service_request.status',
      eb.fn.countAll<number | string>().as('n'),
      eb.fn.sum<number | string | null>('service_request.rating').as('rating_sum'),
      eb.fn.count<number | string>('service_request.rating').as('rated'),
    ])
    .where(handlerScope(access))
    .groupBy(['service_request.category', 'service_request.status'])
    .execute();
  const overdue = await ctx.db
    .selectFrom('service_request')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where(handlerScope(access))
    .where('service_request.status', 'in', [...SERVICE_PENDING_STATUSES])
    .where('service_request.due_on', '<', today)
    .executeTakeFirstOrThrow();
  const rated = rows.reduce((s, r) => s + Number(r.rated), 0);
  const sum = rows.reduce((s, r) => s + Number(r.rating_sum ?? 0), 0);
  return {
    cells: rows.map((r) => ({ category: r.category, status: r.status, count: Number(r.n) })),
    overdue: Number(overdue.n),
    rated,
    averageRating: rated ? Math.round((sum / rated) * 10) / 10 : null,
  };
}
