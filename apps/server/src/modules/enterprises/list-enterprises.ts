import { coverageRulesOn, type enterpriseListQuery } from '@tongxin/contracts';
import type { z } from 'zod';
import type { Ctx } from '../../context.js';
import { beijingDate } from '../../platform/clock.js';
import { presentEnterprise } from './enterprise.presenter.js';
import { assertMaySeeEnterprises, enterpriseConditions } from './enterprise-filter.js';
import { enterprisePage } from './enterprise-list.repository.js';

type Query = z.output<typeof enterpriseListQuery>;

/** A page of the registry through the visibility rule, sorted by pinyin, with its total. */
export async function listEnterprises(ctx: Ctx, query: Query) {
  const { page, pageSize, ...filters } = query;
  assertMaySeeEnterprises(ctx);
  const today = beijingDate(ctx.clock.now());
  const rules = coverageRulesOn(today);
  const where = await enterpriseConditions(ctx, filters, today, rules);
  const found = await enterprisePage(ctx.db, where, page, pageSize);
  return { items: found.items.map((e) => presentEnterprise(e, today)), total: found.total, page, pageSize };
}
