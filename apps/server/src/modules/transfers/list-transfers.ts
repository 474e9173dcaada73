import type { transferListQuery } from '@tongxin/contracts';
import type { z } from 'zod';
import type { Ctx } from '../../context.js';
import { beijingDate } from '../../platform/clock.js';
import { presentTransfer } from './transfer.presenter.js';
import { findTransferPage } from './transfer.repository.js';
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
  const { rows, total } = await findTransferPage(
    ctx.db,
    access,
    { box: query.box, status: query.status, q: query.q, today },
    { limit: query.pageSize, offset: (query.page - 1) * query.pageSize },
  );
  return {
    items: await Promise.all(rows.map(async (r) => presentTransfer(r, today, await abilitiesOf(access, r)))),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}
