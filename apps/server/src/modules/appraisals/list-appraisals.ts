import type { appraisalListQuery } from '@tongxin/contracts';
import type { z } from 'zod';
import type { Ctx } from '../../context.js';
import { presentCounts, presentSummary } from './appraisal.presenter.js';
import { entryCounts, listAppraisalPage } from './appraisal-list.repository.js';

type Query = z.output<typeof appraisalListQuery>;

/** Appraisals in the user's appraisal scope, newest year first; optionally of one org, year or status. */
export async function listAppraisals(ctx: Ctx, query: Query) {
  const access = ctx.access;
  access.requireAnywhere('appraisal.manage');
  const { items, total } = await listAppraisalPage(
    ctx.db,
    { scope: access.within('appraisal.manage', 'appraisal.org_id'), orgId: query.orgId, year: query.year, status: query.status },
    { limit: query.pageSize, offset: (query.page - 1) * query.pageSize },
  );
  const counts = await entryCounts(
    ctx.db,
    items.map((a) => a.id),
  );
  return {
    items: items.map((a) => presentSummary(a, presentCounts(a, counts.get(a.id)))),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}
