import type { memberListQuery } from '@tongxin/contracts';
import type { z } from 'zod';
import type { Ctx } from '../../context.js';
import { presentSummary } from './member.presenter.js';
import { memberConditions } from './member-filter.js';
import { countMembers, findMemberPage } from './member-list.repository.js';
import { keptTotal } from './member-totals.js';

type Query = z.output<typeof memberListQuery>;

/** A page of the member ledger with its total: the page through the scope, the total from the kept counts when it can. */
export async function listMembers(ctx: Ctx, query: Query) {
  const { sort, page, pageSize, ...filters } = query;
  const where = await memberConditions(ctx, filters);
  const rows = await findMemberPage(ctx.db, where, sort, { limit: pageSize, offset: (page - 1) * pageSize });
  const total = (await keptTotal(ctx, filters)) ?? (await countMembers(ctx.db, where));
  return { items: rows.map(presentSummary), total, page, pageSize };
}
