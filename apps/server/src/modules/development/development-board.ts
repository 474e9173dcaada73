import { addDays, DEVELOPMENT_RULES } from '@tongxin/contracts';
import type { SelectQueryBuilder } from 'kysely';
import type { Access } from '../../access/access.js';
import type { Ctx } from '../../context.js';
import { beijingDate } from '../../platform/clock.js';
import type { Db, Trx } from '../../platform/db/connect.js';
import type { DB } from '../../platform/db/types.js';
import { presentSummary } from './development.presenter.js';

export const BOARD_LIMIT = 500;

/** Files under `orgId` (its subtree) that the user may read: the scope (AZ-03) and the subtree, both per row. */
export function filesUnder(db: Db | Trx, access: Access, orgId: string): SelectQueryBuilder<DB, 'development' | 'org', object> {
  return db
    .selectFrom('development')
    .innerJoin('org', 'org.id', 'development.org_id')
    .where(access.scope('development.read', 'development.org_id'))
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('org_closure')
          .select('org_closure.descendant_id')
          .where('org_closure.ancestor_id', '=', orgId)
          .whereRef('org_closure.descendant_id', '=', 'development.org_id'),
      ),
    );
}

/** The pipeline board of an org and everything below it: people in development by stage, with counts. */
export async function developmentBoard(ctx: Ctx, orgId: string) {
  const today = beijingDate(ctx.clock.now());
  await ctx.access.authorize('development.read', orgId, '党组织');
  const rows = await filesUnder(ctx.db, ctx.access, orgId)
    .selectAll('development')
    .select('org.name as org_name')
    .where('development.status', '=', 'active')
    .orderBy('development.last_step', 'desc')
    .orderBy('development.applied_on')
    .orderBy('development.id')
    .limit(BOARD_LIMIT + 1)
    .execute();
  const counted = await filesUnder(ctx.db, ctx.access, orgId)
    .select(['development.stage', 'development.status', (eb) => eb.fn.countAll<number | string>().as('n')])
    .groupBy(['development.stage', 'development.status'])
    .execute();
  const counts: Record<string, number> = { applicant: 0, activist: 0, candidate: 0, admission: 0, probation: 0, done: 0 };
  for (const c of counted) {
    if (c.status === 'active') counts[c.stage] = (counts[c.stage] ?? 0) + Number(c.n);
    else if (c.status === 'done') counts.done = (counts.done ?? 0) + Number(c.n);
  }
  return {
    counts,
    people: rows.slice(0, BOARD_LIMIT).map((r) => presentSummary(r, r.org_name, today)),
    truncated: rows.length > BOARD_LIMIT,
  };
}

/**
 * Files with a deadline passed or within the next 30 days, the most urgent first: the oversight list and what
 * the to-do source reads. One index range on (status, next_due) through the scope; bounded by `limit`.
 */
export async function dueFiles(db: Db | Trx, access: Access, today: string, limit: number, orgId?: string) {
  const horizon = addDays(today, DEVELOPMENT_RULES.upcomingDays);
  const base = orgId
    ? filesUnder(db, access, orgId)
    : db
        .selectFrom('development')
        .innerJoin('org', 'org.id', 'development.org_id')
        .where(access.scope('development.read', 'development.org_id'));
  const rows = await base
    .selectAll('development')
    .select('org.name as org_name')
    .where('development.status', '=', 'active')
    .where('development.next_due', 'is not', null)
    .where('development.next_due', '<=', horizon)
    .orderBy('development.next_due')
    .orderBy('development.id')
    .limit(limit)
    .execute();
  return rows.map((r) => presentSummary(r, r.org_name, today));
}

export async function developmentDeadlines(ctx: Ctx, orgId: string) {
  const today = beijingDate(ctx.clock.now());
  await ctx.access.authorize('development.read', orgId, '党组织');
  const all = await dueFiles(ctx.db, ctx.access, today, 200, orgId);
  return { overdue: all.filter((p) => p.overdue), upcoming: all.filter((p) => !p.overdue) };
}
