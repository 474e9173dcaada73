import type { AccountView } from '@tongxin/contracts';
import type { Access } from '../../access/access.js';
import type { Db } from '../../platform/db/connect.js';
import { presentAccount } from './account.presenter.js';
import { type AccountRow, canManageAccount, findAccountRow, grantsOf } from './account.repository.js';

/** Account rows with their grants and what the actor may do to each (2 queries for the whole page). */
export async function accountViews(db: Db, access: Access, rows: AccountRow[], lockedNames: Set<string>): Promise<AccountView[]> {
  const grants = await grantsOf(
    db,
    rows.map((r) => r.id),
  );
  return Promise.all(
    rows.map(async (r) => {
      const own = grants.filter((g) => g.user_id === r.id);
      const manage = await canManageAccount(db, access, r, own);
      return presentAccount(access, r, own, manage, lockedNames.has(r.username_lower));
    }),
  );
}

/** One account as the list shows it (after it was created). */
export async function accountViewById(db: Db, access: Access, id: string): Promise<AccountView> {
  const [view] = await accountViews(db, access, [await findAccountRow(db, id)], new Set());
  return view!;
}
