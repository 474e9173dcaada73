import type { transferListQuery } from '@tongxin/contracts';
import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { z } from 'zod';
import type { Ctx } from '../../context.js';
import { beijingDate } from '../../platform/clock.js';
import { like } from '../../platform/db/helpers.js';
import type { DB } from '../../platform/db/types.js';
import { eitherSide, overdueCondition } from './overdue-transfers.js';
import { presentTransfer, selectTransfers } from './transfer.presenter.js';
import { abilitiesOf } from './transfer-sides.js';

type Query = z.output<typeof transferListQuery>;

/**
 * A page of transfers through the user's transfer scope (AZ-03): outgoing = sent from an org in scope,
 * incoming = addressed to an org in scope, overdue = either, still pending past a due date.
 */
export async function listTransfers(ctx: Ctx, query: Query) {
  const access = ctx.access;
  access.requireAnywhere('transfer.manage');
  const today = beijingDate(ctx.clock.now());
  const where = (eb: ExpressionBuilder<DB, 'transfer'>): Expression<SqlBool> => {
    const all: Expression<SqlBool>[] = [];
    if (query.box === 'outgoing') all.push(access.within('transfer.manage', 'transfer.from_org_id'));
    else if (query.box === 'incoming') all.push(access.within('transfer.manage', 'transfer.to_org_id'));
    else all.push(eitherSide(access), overdueCondition(eb, today));
    if (query.status) all.push(eb('transfer.status', '=', query.status));
    if (query.q) all.push(eb.or([like('transfer.member_name', query.q), like('transfer.letter_no', query.q)]));
    return eb.and(all);
  };
  const rows = await selectTransfers(ctx.db.selectFrom('transfer'))
    .where(where)
    .$if(query.box === 'overdue', (q) => q.orderBy('transfer.receipt_due', 'asc'))
    .$if(query.box !== 'overdue', (q) => q.orderBy('transfer.issued_on', 'desc').orderBy('transfer.created_at', 'desc'))
    .orderBy('transfer.id')
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute();
  const counted = await ctx.db
    .selectFrom('transfer')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where(where)
    .executeTakeFirstOrThrow();
  return {
    items: await Promise.all(rows.map(async (r) => presentTransfer(r, today, await abilitiesOf(access, r)))),
    total: Number(counted.n),
    page: query.page,
    pageSize: query.pageSize,
  };
}
