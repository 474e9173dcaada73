import {
  SERVICE_PENDING_STATUSES,
  type ServiceQueueResponse,
  type ServiceView,
  type serviceQueueQuery,
} from '@tongxin/contracts';
import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { z } from 'zod';
import type { Access } from '../../access/access.js';
import type { Ctx } from '../../context.js';
import { beijingDate } from '../../platform/clock.js';
import type { Db } from '../../platform/db/connect.js';
import type { DB } from '../../platform/db/types.js';
import { countRequests, searchCondition, servicePage } from './service-list.repository.js';
import { presentServiceRequest } from './service-request.presenter.js';
import { handlerScope } from './service-scope.js';

type Query = z.output<typeof serviceQueueQuery>;
type Eb = ExpressionBuilder<DB, 'service_request' | 'enterprise'>;

/** The condition of one view of the queue: mine (assigned to me, still in hand), unassigned, overdue, all. */
export function viewCondition(eb: Eb, view: ServiceView, userId: string, today: string): Expression<SqlBool> | null {
  if (view === 'mine') {
    return eb.and([
      eb('service_request.assignee_id', '=', userId),
      eb('service_request.status', 'in', ['in_progress', 'answered']),
    ]);
  }
  if (view === 'unassigned') return eb('service_request.status', '=', 'open');
  if (view === 'overdue') {
    return eb.and([eb('service_request.status', 'in', [...SERVICE_PENDING_STATUSES]), eb('service_request.due_on', '<', today)]);
  }
  return null;
}

async function countView(db: Db, access: Access, view: ServiceView, userId: string, today: string): Promise<number> {
  return countRequests(db, (eb) =>
    eb.and([handlerScope(access), ...[viewCondition(eb, view, userId, today)].filter((c) => c !== null)]),
  );
}

/** The queue's filter, through the handler's scope (the list and the export read the same rows). */
export function queueConditions(access: Access, query: Omit<Query, 'page' | 'pageSize'>, today: string) {
  const userId = access.user!.id;
  return (eb: Eb): Expression<SqlBool> => {
    const all: Expression<SqlBool>[] = [handlerScope(access)];
    const view = viewCondition(eb, query.view, userId, today);
    if (view) all.push(view);
    if (query.status) all.push(eb('service_request.status', '=', query.status));
    if (query.category) all.push(eb('service_request.category', '=', query.category));
    if (query.enterpriseId) all.push(eb('service_request.enterprise_id', '=', query.enterpriseId));
    if (query.q) all.push(searchCondition(eb, query.q));
    return eb.and(all);
  };
}

/** The committee's queue (service.handle), one view at a time, with every view's count for the tabs. */
export async function listServiceQueue(ctx: Ctx, query: Query): Promise<ServiceQueueResponse> {
  const access = ctx.access;
  access.requireAnywhere('service.handle');
  const userId = access.user!.id;
  const today = beijingDate(ctx.clock.now());
  const where = queueConditions(access, query, today);
  const byDue = query.view !== 'all';
  const found = await servicePage(ctx.db, where, byDue ? 'due' : 'newest', query.page, query.pageSize);
  const [mine, unassigned, overdue, all] = await Promise.all(
    (['mine', 'unassigned', 'overdue', 'all'] as const).map((v) => countView(ctx.db, access, v, userId, today)),
  );
  return {
    items: found.items.map((r) => presentServiceRequest(r, today)),
    total: found.total,
    page: query.page,
    pageSize: query.pageSize,
    counts: { mine: mine!, unassigned: unassigned!, overdue: overdue!, all: all! },
  };
}
