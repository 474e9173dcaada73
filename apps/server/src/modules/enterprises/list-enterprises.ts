import { coverageRulesOn, type enterpriseListQuery } from '@tongxin/contracts';
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { beijingDate } from '../../platform/clock.js';
import type { Deps } from '../../platform/deps.js';
import { presentEnterprise, selectEnterprises } from './enterprise.presenter.js';
import { assertMaySeeEnterprises, enterpriseConditions } from './enterprise-filter.js';

type Query = z.output<typeof enterpriseListQuery>;

/** A page of the registry through the visibility rule, sorted by pinyin, with its total. */
export async function listEnterprises(deps: Deps, request: FastifyRequest, query: Query) {
  const { page, pageSize, ...filters } = query;
  assertMaySeeEnterprises(request);
  const today = beijingDate(deps.clock.now());
  const rules = coverageRulesOn(today);
  const where = await enterpriseConditions(request, filters, today, rules);
  const rows = await selectEnterprises(deps.db.selectFrom('enterprise'))
    .where(where)
    .orderBy('enterprise.name_pinyin')
    .orderBy('enterprise.id')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  const counted = await deps.db
    .selectFrom('enterprise')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where(where)
    .executeTakeFirstOrThrow();
  return { items: rows.map((r) => presentEnterprise(r, today)), total: Number(counted.n), page, pageSize };
}
