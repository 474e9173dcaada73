import type { CoverageKind, CoverageRuleSet, OperatingStatus } from '@tongxin/contracts';
import { type Expression, type SqlBool, sql } from 'kysely';
import type { Db, Trx } from '../../platform/db/connect.js';
import { inSubtree } from './enterprise-list.repository.js';

/** What the coverage figures need of one live enterprise. */
export interface CoverageFacts {
  id: string;
  name: string;
  namePinyin: string;
  areaOrgId: string;
  areaName: string;
  employeeCount: number | null;
  hasFixedPremises: boolean;
  operatingStatus: OperatingStatus;
  coverageKind: CoverageKind;
  coveringName: string | null;
  /** A running instructor's name (the first by name), if any. */
  instructorName: string | null;
  /** The last counted contact by any instructor. */
  lastContactOn: string | null;
}

/** The live enterprises passing `visible` whose area lies in the subtree of `rootId`. */
export async function coverageFacts(
  db: Db | Trx,
  visible: Expression<SqlBool>,
  rootId: string,
  today: string,
  rules: CoverageRuleSet,
): Promise<CoverageFacts[]> {
  const rows = await db
    .selectFrom('enterprise')
    .innerJoin('org as area', 'area.id', 'enterprise.area_org_id')
    .leftJoin('org as covering', 'covering.id', 'enterprise.covering_org_id')
    .select([
      'enterprise.id',
      'enterprise.name',
      'enterprise.name_pinyin',
      'enterprise.area_org_id',
      'area.name as area_name',
      'enterprise.employee_count',
      'enterprise.has_fixed_premises',
      'enterprise.operating_status',
      'enterprise.coverage_kind',
      'covering.name as covering_name',
      sql<
        string | null
      >`(select min(u.display_name) from instructor_assignment as ia join app_user as u on u.id = ia.instructor_id
        where ia.enterprise_id = enterprise.id and ia.starts_on <= ${today} and (ia.ends_on is null or ia.ends_on >= ${today}))`.as(
        'instructor_name',
      ),
      sql<string | null>`(select max(l.on_date) from instructor_log as l
        where l.enterprise_id = enterprise.id and l.kind in (${sql.join(rules.visitKinds)}))`.as('last_contact'),
    ])
    .where(visible)
    .where(inSubtree(rootId))
    .where('enterprise.archived_at', 'is', null)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    namePinyin: r.name_pinyin,
    areaOrgId: r.area_org_id,
    areaName: r.area_name,
    employeeCount: r.employee_count === null ? null : Number(r.employee_count),
    hasFixedPremises: Number(r.has_fixed_premises) === 1,
    operatingStatus: r.operating_status,
    coverageKind: r.coverage_kind,
    coveringName: r.covering_name,
    instructorName: r.instructor_name,
    lastContactOn: r.last_contact,
  }));
}

/** Full members per live enterprise of the subtree that has at least `atLeast` of them. */
export async function fullMembersPerEnterprise(
  db: Db | Trx,
  visible: Expression<SqlBool>,
  rootId: string,
  atLeast: number,
): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('member')
    .innerJoin('enterprise', 'enterprise.id', 'member.enterprise_id')
    .select(['member.enterprise_id', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('member.status', '=', 'full')
    .where('member.archived_at', 'is', null)
    .where(visible)
    .where(inSubtree(rootId))
    .where('enterprise.archived_at', 'is', null)
    .groupBy('member.enterprise_id')
    .having((eb) => eb.fn.countAll(), '>=', atLeast)
    .execute();
  return new Map(rows.map((f) => [f.enterprise_id!, Number(f.n)]));
}

export async function orgNamed(db: Db | Trx, id: string): Promise<{ id: string; name: string }> {
  return db.selectFrom('org').select(['id', 'name']).where('id', '=', id).executeTakeFirstOrThrow();
}

/** The active committees right under an org, by pinyin. */
export async function childCommittees(db: Db | Trx, orgId: string): Promise<{ id: string; name: string }[]> {
  return db
    .selectFrom('org')
    .select(['id', 'name'])
    .where('parent_id', '=', orgId)
    .where('kind', '=', 'committee')
    .where('status', '=', 'active')
    .orderBy('name_pinyin')
    .execute();
}

/** Which of `partIds` each of `orgIds` lies under (an org under none is left out). */
export async function partOf(db: Db | Trx, partIds: readonly string[], orgIds: readonly string[]): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  if (partIds.length === 0 || orgIds.length === 0) return found;
  const links = await db
    .selectFrom('org_closure')
    .select(['ancestor_id', 'descendant_id'])
    .where('ancestor_id', 'in', partIds)
    .where('descendant_id', 'in', orgIds)
    .execute();
  for (const l of links) found.set(l.descendant_id, l.ancestor_id);
  return found;
}

/** The tree's root (the oldest org without a parent). */
export async function treeRoot(db: Db | Trx): Promise<string | null> {
  const root = await db.selectFrom('org').select('id').where('parent_id', 'is', null).orderBy('created_at').executeTakeFirst();
  return root?.id ?? null;
}
