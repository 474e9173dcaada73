import { addDays, DEVELOPMENT_RULES } from '@tongxin/contracts';
import type { Access } from '../../access/access.js';
import type { Ctx } from '../../context.js';
import { beijingDate } from '../../platform/clock.js';
import type { Db, Trx } from '../../platform/db/connect.js';
import { presentSummary } from './development.presenter.js';
import { filesDueBy } from './development-list.repository.js';

/**
 * Files with a deadline passed or within the next 30 days, the most urgent first: the oversight list and what
 * the to-do source reads. One index range on (status, next_due) through the scope; bounded by `limit`.
 */
export async function dueFiles(db: Db | Trx, access: Access, today: string, limit: number, orgId?: string) {
  const horizon = addDays(today, DEVELOPMENT_RULES.upcomingDays);
  const rows = await filesDueBy(db, { scope: access.scope('development.read', 'development.org_id'), orgId, horizon, limit });
  return rows.map((r) => presentSummary(r, r.orgName, today));
}

/** The oversight list of an org's subtree: overdue files and those due within 30 days. */
export async function developmentDeadlines(ctx: Ctx, orgId: string) {
  const today = beijingDate(ctx.clock.now());
  await ctx.access.authorize('development.read', orgId, '党组织');
  const all = await dueFiles(ctx.db, ctx.access, today, 200, orgId);
  return { overdue: all.filter((p) => p.overdue), upcoming: all.filter((p) => !p.overdue) };
}
