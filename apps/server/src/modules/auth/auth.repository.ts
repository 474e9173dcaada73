import type { Db, Trx } from '../../platform/db/connect.js';

/** What signing in needs of an account, by its lower-cased username. */
export async function findLoginAccount(db: Db | Trx, usernameLower: string) {
  const row = await db
    .selectFrom('app_user')
    .select(['id', 'username', 'password_hash', 'disabled_at', 'password_changed_at', 'must_change_password'])
    .where('username_lower', '=', usernameLower)
    .executeTakeFirst();
  return row && { ...row, must_change_password: row.must_change_password === 1 };
}

/** What re-authentication and a change of credentials need of the signed-in account. */
export async function findCredentials(db: Db | Trx, userId: string) {
  const row = await db
    .selectFrom('app_user')
    .select(['id', 'username', 'display_name', 'password_hash', 'must_change_username'])
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
  return { ...row, must_change_username: row.must_change_username === 1 };
}

export async function usernameInUse(db: Db | Trx, usernameLower: string): Promise<boolean> {
  return (
    (await db.selectFrom('app_user').select('id').where('username_lower', '=', usernameLower).executeTakeFirst()) !== undefined
  );
}

export async function setLastLogin(trx: Trx, userId: string, at: string): Promise<void> {
  await trx.updateTable('app_user').set({ last_login_at: at }).where('id', '=', userId).execute();
}

/** AUTH-03: the account must change its password before it can do anything. */
export async function requirePasswordChange(trx: Trx, userId: string): Promise<void> {
  await trx.updateTable('app_user').set({ must_change_password: 1 }).where('id', '=', userId).execute();
}

/** New credentials: the username and password hash, with both "must change" flags cleared. */
export async function setCredentials(trx: Trx, userId: string, c: { username: string; hash: string; at: string }): Promise<void> {
  await trx
    .updateTable('app_user')
    .set({
      username: c.username,
      username_lower: c.username.toLowerCase(),
      password_hash: c.hash,
      must_change_password: 0,
      must_change_username: 0,
      password_changed_at: c.at,
    })
    .where('id', '=', userId)
    .execute();
}

/** An account's sessions, newest first. */
export async function findSessionsOf(db: Db | Trx, userId: string) {
  return db
    .selectFrom('session')
    .select(['id', 'created_at', 'last_seen_at', 'ip', 'user_agent'])
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .execute();
}

/** One of the account's sessions, by the start of its id (the handle clients see). */
export async function findSessionByHandle(db: Db | Trx, userId: string, handle: string) {
  return db.selectFrom('session').select('id').where('user_id', '=', userId).where('id', 'like', `${handle}%`).executeTakeFirst();
}

export async function deleteSession(trx: Trx, id: string): Promise<void> {
  await trx.deleteFrom('session').where('id', '=', id).execute();
}

/** The names of these orgs, by id. */
export async function orgNamesOf(db: Db | Trx, ids: string[]): Promise<Map<string, string>> {
  const rows = ids.length ? await db.selectFrom('org').select(['id', 'name']).where('id', 'in', ids).execute() : [];
  return new Map(rows.map((n) => [n.id, n.name]));
}
