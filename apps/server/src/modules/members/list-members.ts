import type { memberListQuery } from '@tongxin/contracts';
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { Deps } from '../../platform/deps.js';
import { memberSummaryColumns, presentSummary } from './member.presenter.js';
import { memberConditions } from './member-filter.js';

type Query = z.output<typeof memberListQuery>;

/** Sort keys map to columns through this allowlist (IN-03); the id breaks ties so pages never overlap. */
const SORTS = {
  name: ['member.name_pinyin', 'asc'],
  joinedOn: ['member.joined_on', 'asc'],
  '-joinedOn': ['member.joined_on', 'desc'],
  birthDate: ['member.birth_date', 'asc'],
  '-birthDate': ['member.birth_date', 'desc'],
} as const;

/** A page of the member ledger with its total: two queries, both through the scope. */
export async function listMembers(deps: Deps, request: FastifyRequest, query: Query) {
  const where = await memberConditions(deps, request, query);
  const [column, direction] = SORTS[query.sort];
  const rows = await deps.db
    .selectFrom('member')
    .innerJoin('org', 'org.id', 'member.org_id')
    .select(memberSummaryColumns)
    .where(where)
    .orderBy(column, direction)
    .orderBy('member.id')
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute();
  const counted = await deps.db
    .selectFrom('member')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where(where)
    .executeTakeFirstOrThrow();
  return { items: rows.map(presentSummary), total: Number(counted.n), page: query.page, pageSize: query.pageSize };
}
