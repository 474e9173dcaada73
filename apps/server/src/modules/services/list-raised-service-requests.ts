import type { raisedServiceQuery } from '@tongxin/contracts';
import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import type { z } from 'zod';
import type { Ctx } from '../../context.js';
import { beijingDate } from '../../platform/clock.js';
import { like } from '../../platform/db/helpers.js';
import type { DB } from '../../platform/db/types.js';
import { forbidden } from '../../platform/http/errors.js';
import { presentServiceRequest, selectServiceRequests } from './service-request.presenter.js';
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
    if (query.q) all.push(eb.or([like('service_request.title', query.q), like('enterprise.name', query.q)]));
    return eb.and(all);
  };
  const rows = await selectServiceRequests(ctx.db.selectFrom('service_request'))
    .where(where)
    .orderBy(sql`case when service_request.status = 'answered' then 0 else 1 end`)
    .orderBy('service_request.last_activity_at', 'desc')
    .orderBy('service_request.id')
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute();
  const counted = await ctx.db
    .selectFrom('service_request')
    .innerJoin('enterprise', 'enterprise.id', 'service_request.enterprise_id')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where(where)
    .executeTakeFirstOrThrow();
  return {
    items: rows.map((r) => presentServiceRequest(r, today)),
    total: Number(counted.n),
    page: query.page,
    pageSize: query.pageSize,
  };
}
