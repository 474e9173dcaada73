import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import type { Access } from '../../access/access.js';
import type { Db, Trx } from '../../platform/db/connect.js';
import type { DB } from '../../platform/db/types.js';
import { presentTransfer, selectTransfers } from './transfer.presenter.js';
import { abilitiesOf } from './transfer-sides.js';

/**
 * Overdue: still pending after the receipt's due date or after the letter's last valid day. Only a pending
 * transfer is overdue; once accepted, rejected or cancelled it has nothing left to chase.
 */
export function overdueCondition(eb: ExpressionBuilder<DB, 'transfer'>, today: string): Expression<SqlBool> {
  return eb.and([
    eb('transfer.status', '=', 'pending'),
    eb.or([eb('transfer.receipt_due', '<', today), eb('transfer.valid_until', '<', today)]),
  ]);
}

/** A transfer the user deals with on either side: sending (from) or receiving (to). */
export function eitherSide(access: Access): Expression<SqlBool> {
  return sql<SqlBool>`(${access.within('transfer.manage', 'transfer.from_org_id')} or ${access.within('transfer.manage', 'transfer.to_org_id')})`;
}

/**
 * The overdue transfers this user has to chase, the longest overdue first: the list behind the 逾期 tab, and
 * what a to-do list reads. `access` must be bound to `db` (inside a transaction, `access.in(trx)`).
 */
export async function overdueTransfers(db: Db | Trx, access: Access, today: string, limit = 50) {
  const rows = await selectTransfers(db.selectFrom('transfer'))
    .where(eitherSide(access))
    .where((eb) => overdueCondition(eb, today))
    .orderBy('transfer.receipt_due')
    .orderBy('transfer.id')
    .limit(limit)
    .execute();
  return Promise.all(rows.map(async (r) => presentTransfer(r, today, await abilitiesOf(access, r))));
}
