import { v7 as uuidv7 } from 'uuid';
import type { Access } from '../../../access/access.js';
import type { Db, Trx } from '../../../platform/db/connect.js';
import type { MemberChange, MemberRow } from '../member.repository.js';

/** Claims a clean, ready import for confirming; false when it was claimed already (or is not clean). */
export async function claimImport(trx: Trx, id: string, at: string): Promise<boolean> {
  const claimed = await trx
    .updateTable('member_import')
    .set({ status: 'imported', imported_at: at })
    .where('id', '=', id)
    .where('status', '=', 'ready')
    .where('error_rows', '=', 0)
    .executeTakeFirst();
  return Number(claimed.numUpdatedRows) === 1;
}

export async function setImportedCount(trx: Trx, id: string, count: number): Promise<void> {
  await trx.updateTable('member_import').set({ imported_count: count }).where('id', '=', id).execute();
}

/** The active records holding any of these ID numbers (by blind index), with their orgs. */
export async function findActiveHolders(db: Db | Trx, indexes: string[]) {
  return db
    .selectFrom('member')
    .innerJoin('org', 'org.id', 'member.org_id')
    .select(['member.id_number_index', 'member.name', 'member.org_id', 'org.name as org_name'])
    .where('member.id_number_index', 'in', indexes)
    .where('member.archived_at', 'is', null)
    .execute();
}

/** Inserts a batch of new members, each with its 'create' history entry (one statement each). */
export async function insertImportedMembers(
  trx: Trx,
  rows: { member: MemberRow; changes: MemberChange[] }[],
  history: { at: string; actor: { id: string | null; name: string | null }; reason: string },
): Promise<void> {
  await trx
    .insertInto('member')
    .values(rows.map((r) => r.member))
    .execute();
  await trx
    .insertInto('member_history')
    .values(
      rows.map((r) => ({
        id: uuidv7(),
        member_id: r.member.id,
        at: history.at,
        actor_id: history.actor.id,
        actor_name: history.actor.name,
        action: 'create',
        reason: history.reason,
        changes: JSON.stringify(r.changes),
      })),
    )
    .execute();
}

/** Orgs in the user's import scope named by any of these spellings (at most 10). */
export async function findImportOrgsNamed(db: Db | Trx, access: Access, names: string[]) {
  return db
    .selectFrom('org')
    .select(['org.id', 'org.name', 'org.kind', 'org.status'])
    .where('org.name', 'in', names)
    .where(access.scope('member.import', 'org.id'))
    .limit(10)
    .execute();
}
