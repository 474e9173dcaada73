import { coverageRulesOn, type enterpriseListQuery } from '@tongxin/contracts';
import type { z } from 'zod';
import type { Ctx } from '../../context.js';
import { beijingDate } from '../../platform/clock.js';
import { presentEnterprise, selectEnterprises } from './enterprise.presenter.js';
import { assertMaySeeEnterprises, enterpriseConditions } from './enterprise-filter.js';

type Query = z.output<typeof enterpriseListQuery>;

/** A page of the registry through the visibility rule, sorted by pinyin, with its total. */
export async function listEnterprises(ctx: Ctx, query: Query) {
  const { page, pageSize, ...filters } = query;
  assertMaySeeEnterprises(ctx);
  const today = beijingDate(ctx.clock.now());
  const rules = coverageRulesOn(today);
  const where = await enterpriseConditions(ctx, filters, today, rules);
  const rows = await selectEnterprises(ctx.db.selectFrom('enterprise'))
    .where(where)
    .orderBy('enterprise.name_pinyin')
    .orderBy('enterprise.id')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  const counted = await ctx.db
    .selectFrom('enterprise')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where(where)
    .executeTakeFirstOrThrow();
  return { items: rows.map((r) => presentEnterprise(r, today)), total: Number(counted.n), page, pageSize };
}
