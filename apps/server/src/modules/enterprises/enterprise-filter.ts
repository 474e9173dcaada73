import type { CoverageRuleSet } from '@tongxin/contracts';
import { enterpriseVisible } from '../../access/enterprise-scope.js';
import type { Ctx } from '../../context.js';
import { notFound } from '../../platform/http/errors.js';
import { type EnterpriseFilters, type EnterpriseWhere, enterpriseWhere } from './enterprise-list.repository.js';

/** The registry's lists are for those who may see some enterprise at all (403 for the rest, as other lists). */
export function assertMaySeeEnterprises(ctx: Ctx) {
  const a = ctx.access;
  if (a.holdsAnywhere('enterprise.read') || a.holdsAnywhere('enterprise.own') || a.holdsAnywhere('instructor.work')) return;
  a.requireAnywhere('enterprise.read');
}

/** The list's and the export's conditions: always the visibility rule (AZ-03), then the filters. */
export async function enterpriseConditions(
  ctx: Ctx,
  filters: EnterpriseFilters,
  today: string,
  rules: CoverageRuleSet,
): Promise<EnterpriseWhere> {
  if (filters.orgId && !(await ctx.access.canSee(filters.orgId))) throw notFound('组织');
  return enterpriseWhere(enterpriseVisible(ctx.access, today), filters, rules);
}
