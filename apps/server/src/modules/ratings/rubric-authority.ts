import type { Access } from '../../access/access.js';
import type { Db, Trx } from '../../platform/db/connect.js';

/** The rubric is city-wide data: kept by whoever holds rating.rules.manage at a top committee of the tree. */
export async function canEditRubrics(db: Db | Trx, access: Access): Promise<boolean> {
  const tops = await db.selectFrom('org').select('id').where('parent_id', 'is', null).where('kind', '=', 'committee').execute();
  for (const t of tops) if (await access.can('rating.rules.manage', t.id)) return true;
  return false;
}
