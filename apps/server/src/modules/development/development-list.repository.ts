import type { Expression, SelectQueryBuilder, SqlBool } from 'kysely';
import type { Db, Trx } from '../../platform/db/connect.js';
import type { DB } from '../../platform/db/types.js';
import type { DevelopmentRow } from './development.repository.js';

// Lists of development files: the board, its counts, and files with deadlines.

export type ListedFile = DevelopmentRow & { orgName: string };

/** Files within the scope (over `development.org_id`), under `orgId` (its subtree) when given: both per row. */
function filesIn(
  db: Db | Trx,
  scope: Expression<SqlBool>,
  orgId?: string,
): SelectQueryBuilder<DB, 'development' | 'org', object> {
  const q = db.selectFrom('development').innerJoin('org', 'org.id', 'development.org_id').where(scope);
  if (!orgId) return q;
  return q.where((eb) =>
    eb.exists(
      eb
        .selectFrom('org_closure')
        .select('org_closure.descendant_id')
        .where('org_closure.ancestor_id', '=', orgId)
        .whereRef('org_closure.descendant_id', '=', 'development.org_id'),
    ),
  );
}

/** Active files under an org, furthest along first, at most `limit`. */
export async function activeFilesUnder(
  db: Db | Trx,
  orgId: string,
  scope: Expression<SqlBool>,
  limit: number,
): Promise<ListedFile[]> {
  const rows = await filesIn(db, scope, orgId)
    .selectAll('development')
    .select('org.name as org_name')
    .where('development.status', '=', 'active')
    .orderBy('development.last_step', 'desc')
    .orderBy('development.applied_on')
    .orderBy('development.id')
    .limit(limit)
    .execute();
  return rows.map(({ org_name, ...r }) => ({ ...r, orgName: org_name }));
}

/** How many files under an org are at each stage and status. */
export async function stageCounts(
  db: Db | Trx,
  orgId: string,
  scope: Expression<SqlBool>,
): Promise<{ stage: string; status: string; n: number }[]> {
  const rows = await filesIn(db, scope, orgId)
    .select(['development.stage', 'development.status', (eb) => eb.fn.countAll<number | string>().as('n')])
    .groupBy(['development.stage', 'development.status'])
    .execute();
  return rows.map((r) => ({ stage: r.stage, status: r.status, n: Number(r.n) }));
}

/** Active files with a deadline on or before `horizon`, the most urgent first (one index range on next_due). */
export async function filesDueBy(
  db: Db | Trx,
  f: { scope: Expression<SqlBool>; orgId?: string | undefined; horizon: string; limit: number },
): Promise<ListedFile[]> {
  const rows = await filesIn(db, f.scope, f.orgId)
    .selectAll('development')
    .select('org.name as org_name')
    .where('development.status', '=', 'active')
    .where('development.next_due', 'is not', null)
    .where('development.next_due', '<=', f.horizon)
    .orderBy('development.next_due')
    .orderBy('development.id')
    .limit(f.limit)
    .execute();
  return rows.map(({ org_name, ...r }) => ({ ...r, orgName: org_name }));
}
