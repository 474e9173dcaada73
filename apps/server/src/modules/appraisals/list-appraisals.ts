import type { appraisalListQuery } from '@tongxin/contracts';
import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { z } from 'zod';
import type { Ctx } from '../../context.js';
import type { DB } from '../../platform/db/types.js';
import { countsOf, presentSummary } from './appraisal.repository.js';

type Query = z.output<typeof appraisalListQuery>;

/** Appraisals in the user's appraisal scope, newest year first; optionally of one org, year or status. */
export async function listAppraisals(ctx: Ctx, query: Query) {
  const access = ctx.access;
  access.requireAnywhere('appraisal.manage');
  const where = (eb: ExpressionBuilder<DB, 'appraisal' | 'org'>): Expression<SqlBool> => {
    const all: Expression<SqlBool>[] = [access.within('appraisal.manage', 'appraisal.org_id')];
    if (query.orgId) all.push(eb('appraisal.org_id', '=', query.orgId));
    if (query.year) all.push(eb('appraisal.year', '=', query.year));
    if (query.status) all.push(eb('appraisal.status', '=', query.status));
    return eb.and(all);
  };
  const base = ctx.db.selectFrom('appraisal').innerJoin('org', 'org.id', 'appraisal.org_id').where(where);
  const rows = await base
    .selectAll('appraisal')
    .select('org.name as org_name')
    .orderBy('appraisal.year', 'desc')
    .orderBy('org.name_pinyin')
    .orderBy('appraisal.id')
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute();
  const counted = await base.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow();
  const counts = await countsOf(ctx.db, rows);
  return {
    items: rows.map((r) => presentSummary(r, counts.get(r.id)!)),
    total: Number(counted.n),
    page: query.page,
    pageSize: query.pageSize,
  };
}
