import { type CoverageRuleSet, type enterpriseListQuery, normaliseCreditCode } from '@tongxin/contracts';
import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import type { z } from 'zod';
import { enterpriseVisible } from '../../access/enterprise-scope.js';
import type { Ctx } from '../../context.js';
import { like } from '../../platform/db/helpers.js';
import type { DB } from '../../platform/db/types.js';
import { notFound } from '../../platform/http/errors.js';

export type EnterpriseFilters = Omit<z.output<typeof enterpriseListQuery>, 'page' | 'pageSize'>;

/** The registry's lists are for those who may see some enterprise at all (403 for the rest, as other lists). */
export function assertMaySeeEnterprises(ctx: Ctx) {
  const a = ctx.access;
  if (a.holdsAnywhere('enterprise.read') || a.holdsAnywhere('enterprise.own') || a.holdsAnywhere('instructor.work')) return;
  a.requireAnywhere('enterprise.read');
}

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
 * The list's conditions: always the visibility rule (AZ-03), then the filters. Search is one box: a credit
 * code (or its start), Latin letters for pinyin or initials, anything else part of the name.
 */
export async function enterpriseConditions(ctx: Ctx, filters: EnterpriseFilters, today: string, rules: CoverageRuleSet) {
  const access = ctx.access;
  if (filters.orgId && !(await access.canSee(filters.orgId))) throw notFound('组织');
  return (eb: ExpressionBuilder<DB, 'enterprise'>): Expression<SqlBool> => {
    const all: Expression<SqlBool>[] = [enterpriseVisible(access, today)];
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
