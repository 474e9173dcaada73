import { STEP } from '@tongxin/contracts';
import type { Expression, SqlBool } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { Db, Trx } from '../../platform/db/connect.js';

// Yearly development plans (quotas) and the counts they are compared with.

/** Active children of an org within the scope (over `org.id`), by name, at most `limit`. */
export async function activeChildren(
  db: Db | Trx,
  orgId: string,
  scope: Expression<SqlBool>,
  limit: number,
): Promise<{ id: string; name: string }[]> {
  return db
    .selectFrom('org')
    .select(['id', 'name'])
    .where('parent_id', '=', orgId)
    .where('status', '=', 'active')
    .where(scope)
    .orderBy('name')
    .limit(limit)
    .execute();
}

/**
 * Per org in `ids`, the people admitted (step 17 done) within the dates over the org's subtree, counting files
 * within the scope (over `development.org_id`).
 */
export async function admittedPerSubtree(
  db: Db | Trx,
  ids: string[],
  dates: { from: string; to: string },
  scope: Expression<SqlBool>,
): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('development_step')
    .innerJoin('development', 'development.id', 'development_step.development_id')
    .innerJoin('org_closure', 'org_closure.descendant_id', 'development.org_id')
    .select(['org_closure.ancestor_id as id', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('org_closure.ancestor_id', 'in', ids)
    .where('development_step.step', '=', STEP.admissionApproval)
    .where('development_step.done_on', '>=', dates.from)
    .where('development_step.done_on', '<=', dates.to)
    .where(scope)
    .groupBy('org_closure.ancestor_id')
    .execute();
  return new Map(rows.map((r) => [r.id, Number(r.n)]));
}

/** Per org in `ids`, the applications received within the dates over the org's subtree (files within the scope). */
export async function appliedPerSubtree(
  db: Db | Trx,
  ids: string[],
  dates: { from: string; to: string },
  scope: Expression<SqlBool>,
): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('development')
    .innerJoin('org_closure', 'org_closure.descendant_id', 'development.org_id')
    .select(['org_closure.ancestor_id as id', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('org_closure.ancestor_id', 'in', ids)
    .where('development.applied_on', '>=', dates.from)
    .where('development.applied_on', '<=', dates.to)
    .where(scope)
    .groupBy('org_closure.ancestor_id')
    .execute();
  return new Map(rows.map((r) => [r.id, Number(r.n)]));
}

export interface DevelopmentPlan {
  id: string;
  orgId: string;
  quota: number;
  note: string | null;
}

/** The plans of these orgs for a year. */
export async function plansOf(db: Db | Trx, orgIds: string[], year: number): Promise<DevelopmentPlan[]> {
  const rows = await db
    .selectFrom('development_plan')
    .selectAll()
    .where('org_id', 'in', orgIds)
    .where('year', '=', year)
    .execute();
  return rows.map((r) => ({ id: r.id, orgId: r.org_id, quota: Number(r.quota), note: r.note }));
}

/** Writes an org's plan for a year: over the existing one (`existingId`) or as the first. */
export async function savePlan(
  trx: Trx,
  existingId: string | null,
  p: { orgId: string; year: number; quota: number; note: string | null; at: string; by: string | null },
): Promise<void> {
  if (existingId) {
    await trx
      .updateTable('development_plan')
      .set({ quota: p.quota, note: p.note, updated_at: p.at, updated_by: p.by })
      .where('id', '=', existingId)
      .execute();
  } else {
    await trx
      .insertInto('development_plan')
      .values({ id: uuidv7(), org_id: p.orgId, year: p.year, quota: p.quota, note: p.note, updated_at: p.at, updated_by: p.by })
      .execute();
  }
}
