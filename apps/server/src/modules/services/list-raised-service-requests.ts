import type { raisedServiceQuery } from '@tongxin/contracts';
import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { z } from 'zod';
import type { Ctx } from '../../context.js';
import { beijingDate } from '../../platform/clock.js';
import type { DB } from '../../platform/db/types.js';
import { forbidden } from '../../platform/http/errors.js';
import { searchCondition, servicePage } from './service-list.repository.js';
import { presentServiceRequest } from './service-request.presenter.js';
import { mayRaiseAnywhere, requesterScope } from './service-scope.js';

type Query = z.output<typeof raisedServiceQuery>;

/**
 * The enterprise's side ("我的诉求"): the requests of the enterprises the user is contact of, or raised for
 * enterprises its org covers. Answered requests waiting for a rating come first, then the most recent activity.
 */
export async function listRaisedServiceRequests(ctx: Ctx, query: Query) {
  const access = ctx.access;
  if (!mayRaiseAnywhere(access)) throw forbidden();
  const today = beijingDate(ctx.clock.now());
  const where = (eb: ExpressionBuilder<DB, 'service_request' | 'enterprise'>): Expression<SqlBool> => {
    const all: Expression<SqlBool>[] = [requesterScope(eb as ExpressionBuilder<DB, 'service_request'>, access)];
    if (query.status) all.push(eb('service_request.status', '=', query.status));
    if (query.category) all.push(eb('service_request.category', '=', query.category));
    if (query.enterpriseId) all.push(eb('service_request.enterprise_id', '=', query.enterpriseId));
    if (query.q) all.push(searchCondition(eb, query.q));
    return eb.and(all);
  };
  const found = await servicePage(ctx.db, where, 'raised', query.page, query.pageSize);
  return {
    items: found.items.map((r) => presentServiceRequest(r, today)),
    total: found.total,
    page: query.page,
    pageSize: query.pageSize,
  };
}
