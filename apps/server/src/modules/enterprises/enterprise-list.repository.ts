import { type CoverageRuleSet, type enterpriseListQuery, normaliseCreditCode } from '@tongxin/contracts';
import { type Expression, type ExpressionBuilder, type SelectQueryBuilder, type SqlBool, sql } from 'kysely';
import type { z } from 'zod';
import type { Db, Trx } from '../../platform/db/connect.js';
import { like } from '../../platform/db/helpers.js';
import type { DB, EnterpriseTable } from '../../platform/db/types.js';
import { type ListedEnterprise, toEnterprise } from './enterprise.repository.js';

export type EnterpriseFilters = Omit<z.output<typeof enterpriseListQuery>, 'page' | 'pageSize'>;
export type EnterpriseWhere = (eb: ExpressionBuilder<DB, 'enterprise'>) => Expression<SqlBool>;

/** The coverage survey's scope rule as SQL (the same rule `inCoverageScope` applies in code). */
export function inScopeCondition(rules: CoverageRuleSet, table = 'enterprise'): Expression<SqlBool> {
  const parts = [sql<SqlBool>`coalesce(${sql.ref(`${table}.employee_count`)}, 0) >= ${rules.scope.minEmployees}`];
  if (rules.scope.fixedPremises) parts.push(sql<SqlBool>`${sql.ref(`${table}.has_fixed_premises`)} = 1`);
  if (rules.scope.operatingOnly) parts.push(sql<SqlBool>`${sql.ref(`${table}.operating_status`)} = 'operating'`);
  return sql<SqlBool>`(${sql.join(parts, sql` and `)})`;
}

/** Enterprises whose area committee lies in the org's subtree. */
export function inSubtree(orgId: string, table = 'enterprise'): Expression<SqlBool> {
  return sql<SqlBool>`exists (select 1 from org_closure as sub where sub.ancestor_id = ${orgId} and sub.descendant_id = ${sql.ref(`${table}.area_org_id`)})`;
}

/**
 * The list's conditions: the visibility rule given (AZ-03), then the filters. Search is one box: a credit code
 * (or its start), Latin letters for pinyin or initials, anything else part of the name.
 */
export function enterpriseWhere(
  visible: Expression<SqlBool>,
  filters: EnterpriseFilters,
  rules: CoverageRuleSet,
): EnterpriseWhere {
  return (eb) => {
    const all: Expression<SqlBool>[] = [visible];
    all.push(filters.archived ? eb('enterprise.archived_at', 'is not', null) : eb('enterprise.archived_at', 'is', null));
    if (filters.orgId) all.push(inSubtree(filters.orgId));
    if (filters.coverage) all.push(eb('enterprise.coverage_kind', '=', filters.coverage));
    if (filters.operatingStatus) all.push(eb('enterprise.operating_status', '=', filters.operatingStatus));
    if (filters.inScope !== undefined) {
      const scoped = inScopeCondition(rules);
      all.push(filters.inScope ? scoped : sql<SqlBool>`not ${scoped}`);
    }
    if (filters.q) all.push(searchCondition(eb, filters.q));
    return eb.and(all);
  };
}

function searchCondition(eb: ExpressionBuilder<DB, 'enterprise'>, q: string): Expression<SqlBool> {
  const code = normaliseCreditCode(q);
  if (/^[0-9A-Z]{4,18}$/.test(code) && /\d/.test(code)) return eb('enterprise.credit_code', 'like', `${code}%`);
  if (/^[a-z]+$/i.test(q)) {
    const text = q.toLowerCase();
    return eb.or([like('enterprise.name_pinyin', text, 'prefix'), like('enterprise.name_initials', text, 'prefix')]);
  }
  return like('enterprise.name', q);
}

/** The enterprise with the names of its committees and covering org. */
function selectListed<O>(qb: SelectQueryBuilder<DB, 'enterprise', O>) {
  return qb
    .innerJoin('org as area', 'area.id', 'enterprise.area_org_id')
    .leftJoin('org as district', 'district.id', 'enterprise.district_org_id')
    .leftJoin('org as park', 'park.id', 'enterprise.park_org_id')
    .leftJoin('org as covering', 'covering.id', 'enterprise.covering_org_id')
    .selectAll('enterprise')
    .select([
      'area.name as area_name',
      'district.name as district_name',
      'park.name as park_name',
      'covering.name as covering_name',
    ]);
}

type ListedRow = EnterpriseTable & {
  area_name: string;
  district_name: string | null;
  park_name: string | null;
  covering_name: string | null;
};

const toListed = (r: ListedRow): ListedEnterprise => ({
  ...toEnterprise(r),
  areaName: r.area_name,
  districtName: r.district_name,
  parkName: r.park_name,
  coveringName: r.covering_name,
});

/** A page of the registry, sorted by pinyin, with its total. */
export async function enterprisePage(db: Db | Trx, where: EnterpriseWhere, page: number, pageSize: number) {
  const rows = await selectListed(db.selectFrom('enterprise'))
    .where(where)
    .orderBy('enterprise.name_pinyin')
    .orderBy('enterprise.id')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  const counted = await db
    .selectFrom('enterprise')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where(where)
    .executeTakeFirstOrThrow();
  return { items: rows.map(toListed), total: Number(counted.n) };
}

/** The next batch in pinyin order after `after` (the export walks the registry this way). */
export async function enterpriseBatch(
  db: Db | Trx,
  where: EnterpriseWhere,
  after: ListedEnterprise | null,
  limit: number,
): Promise<ListedEnterprise[]> {
  const rows = await selectListed(db.selectFrom('enterprise'))
    .where(where)
    .$if(after !== null, (q) =>
      q.where((eb) => eb(eb.refTuple('enterprise.name_pinyin', 'enterprise.id'), '>', eb.tuple(after!.namePinyin, after!.id))),
    )
    .orderBy('enterprise.name_pinyin')
    .orderBy('enterprise.id')
    .limit(limit)
    .execute();
  return rows.map(toListed);
}

export async function findListedEnterprise(db: Db | Trx, id: string): Promise<ListedEnterprise> {
  return toListed(await selectListed(db.selectFrom('enterprise')).where('enterprise.id', '=', id).executeTakeFirstOrThrow());
}
