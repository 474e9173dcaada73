import type { Access } from '../../access/access.js';
import type { Db, Trx } from '../../platform/db/connect.js';
import { cityCommitteeIds } from './meeting-branches.repository.js';

/** Whether the user may change the frequencies: `meeting.rules.manage` at the city committee (the rules are city-wide). */
export async function canEditRules(db: Db | Trx, access: Access): Promise<boolean> {
  for (const id of await cityCommitteeIds(db)) if (await access.can('meeting.rules.manage', id)) return true;
  return false;
}
