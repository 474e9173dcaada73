import type { Access } from '../../access/access.js';
import type { Db, Trx } from '../../platform/db/connect.js';
import { presentTransfer } from './transfer.presenter.js';
import { findOverdueTransfers } from './transfer.repository.js';
import { abilitiesOf } from './transfer-sides.js';

/**
 * The overdue transfers this user has to chase, the longest overdue first: the list behind the 逾期 tab, and
 * what a to-do list reads. `access` must be bound to `db` (inside a transaction, `access.in(trx)`).
 */
export async function overdueTransfers(db: Db | Trx, access: Access, today: string, limit = 50) {
  const rows = await findOverdueTransfers(db, access, today, limit);
  return Promise.all(rows.map(async (r) => presentTransfer(r, today, await abilitiesOf(access, r))));
}
