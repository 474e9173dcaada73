import type { memberListQuery } from '@tongxin/contracts';
import type { z } from 'zod';
import type { Ctx } from '../../context.js';
import type { Deps } from '../../platform/deps.js';
import { memberSummaryColumns, presentSummary } from './member.presenter.js';
import { memberConditions } from './member-filter.js';
import { keptTotal } from './member-totals.js';

type Query = z.output<typeof memberListQuery>;

/** Sort keys map to columns through this allowlist (IN-03); the id breaks ties so pages never overlap. */
const SORTS = {
  name: ['member.name_pinyin', 'asc'],
  joinedOn: ['member.joined_on', 'asc'],
  '-joinedOn': ['member.joined_on', 'desc'],
  birthDate: ['member.birth_date', 'asc'],
  '-birthDate': ['member.birth_date', 'desc'],
} as const;

/** A page of the member ledger with its total: the page through the scope, the total from the kept counts when it can. */
export async function listMembers(ctx: Ctx, query: Query) {
  const { sort, page, pageSize, ...filters } = query;
  const where = await memberConditions(ctx, filters);
  const [column, direction] = SORTS[sort];
  const rows = await ctx.db
    .selectFrom('member')
    .innerJoin('org', 'org.id', 'member.org_id')
    .select(memberSummaryColumns)
    .where(where)
    .orderBy(column, direction)
    .orderBy('member.id')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  const total = (await keptTotal(ctx, filters)) ?? (await countMembers(ctx, where));
  return { items: rows.map(presentSummary), total, page, pageSize };
}

async function countMembers(deps: Deps, where: Awaited<ReturnType<typeof memberConditions>>): Promise<number> {
  const counted = await deps.db
    .selectFrom('member')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where(where)
    .executeTakeFirstOrThrow();
  return Number(counted.n);
}
