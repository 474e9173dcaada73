import { isAdminRole, type Reach, type Role } from '@tongxin/contracts';
import type { Insertable } from 'kysely';
import { type Access, coversSubtree } from '../../access/access.js';
import type { Db, Trx } from '../../platform/db/connect.js';
import { like } from '../../platform/db/helpers.js';
import type { AppUserTable, RoleGrantTable } from '../../platform/db/types.js';
import { notFound } from '../../platform/http/errors.js';

/** Accounts the actor may see: all for the 三员 account roles, else those whose home org is in scope. */
export function visibleAccounts(db: Db | Trx, access: Access) {
  const global = access.holdsGlobally('system.account.manage') || access.holdsGlobally('account.read');
  return db.selectFrom('app_user').$if(!global, (q) => q.where(access.scope('account.read', 'app_user.home_org_id')));
}

export async function findVisibleAccount(db: Db | Trx, access: Access, id: string): Promise<AppUserTable> {
  const user = await visibleAccounts(db, access).selectAll('app_user').where('app_user.id', '=', id).executeTakeFirst();
  if (!user) throw notFound('账号');
  return user;
}

export async function grantsOf(db: Db | Trx, userIds: string[]) {
  if (userIds.length === 0) return [];
  return db
    .selectFrom('role_grant')
    .leftJoin('org', 'org.id', 'role_grant.org_id')
    .select([
      'role_grant.id',
      'role_grant.user_id',
      'role_grant.role',
      'role_grant.org_id',
      'role_grant.reach',
      'org.name as org_name',
    ])
    .where('role_grant.user_id', 'in', userIds)
    .orderBy('role_grant.created_at')
    .execute();
}

/**
 * May the actor change this account (disable, reset its password, end its sessions)? Whoever resets a password
 * learns it, so this must never reach further than the actor's own authority:
 * - never one's own account, and never a 三员 account (those are recovered with the `tongxin` CLI);
 * - a committee admin: the account's home org and every org it holds a role at lie within the actor's
 *   `account.manage` scope (a subtree grant only if the actor's scope covers that whole subtree);
 * - the system admin: accounts that hold no role yet (it creates accounts; it never takes over a role-holder).
 */
export async function canManageAccount(
  db: Db | Trx,
  access: Access,
  user: AppUserTable,
  knownGrants?: { role: Role; org_id: string | null; reach: Reach }[],
): Promise<boolean> {
  if (access.user?.id === user.id) return false;
  const grants = knownGrants ?? (await grantsOf(db, [user.id]));
  if (grants.some((g) => isAdminRole(g.role))) return false;
  if (grants.length === 0 && access.holdsGlobally('system.account.manage')) return true;
  if (user.home_org_id === null || !(await access.can('account.manage', user.home_org_id))) return false;
  for (const g of grants) {
    const covered =
      g.reach === 'subtree'
        ? await coversSubtree(access, 'account.manage', g.org_id as string, db)
        : await access.can('account.manage', g.org_id as string);
    if (!covered) return false;
  }
  return true;
}

/** How many of these accounts the actor may see (AZ-04: missing and invisible count alike). */
export async function countVisibleAccounts(db: Db | Trx, access: Access, ids: string[]): Promise<number> {
  const found = await visibleAccounts(db, access).select('app_user.id').where('app_user.id', 'in', ids).execute();
  return found.length;
}

/** Disables the enabled accounts linked to a member record (AUTH-11); returns their ids. */
export async function disableAccountsOfMember(trx: Trx, memberId: string, at: string): Promise<{ id: string }[]> {
  return trx
    .updateTable('app_user')
    .set({ disabled_at: at })
    .where('member_id', '=', memberId)
    .where('disabled_at', 'is', null)
    .returning('id')
    .execute();
}

/** The id of the account with this username, or null. */
export async function findUserIdByUsername(db: Db | Trx, username: string): Promise<string | null> {
  return (await db.selectFrom('app_user').select('id').where('username', '=', username).executeTakeFirst())?.id ?? null;
}

export type AccountRow = AppUserTable & { home_org_name: string | null };

/** A page of the accounts the actor may see, newest first, optionally matching a name, and their total. */
export async function findAccountPage(
  db: Db | Trx,
  access: Access,
  needle: string | null,
  page: { limit: number; offset: number },
): Promise<{ rows: AccountRow[]; total: number }> {
  const base = visibleAccounts(db, access).$if(needle !== null, (q) =>
    q.where((eb) => eb.or([like('app_user.username_lower', needle!), like('app_user.display_name', needle!)])),
  );
  const [rows, total] = await Promise.all([
    base
      .leftJoin('org', 'org.id', 'app_user.home_org_id')
      .selectAll('app_user')
      .select('org.name as home_org_name')
      .orderBy('app_user.created_at', 'desc')
      .orderBy('app_user.id', 'desc')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

/** One account with its home org's name. */
export async function findAccountRow(db: Db | Trx, id: string): Promise<AccountRow> {
  return db
    .selectFrom('app_user')
    .leftJoin('org', 'org.id', 'app_user.home_org_id')
    .selectAll('app_user')
    .select('org.name as home_org_name')
    .where('app_user.id', '=', id)
    .executeTakeFirstOrThrow();
}

/** Failed sign-ins per username since `since` (the lock-out window). */
export async function countLoginFailures(db: Db | Trx, usernamesLower: string[], since: string): Promise<Map<string, number>> {
  if (usernamesLower.length === 0) return new Map();
  const rows = await db
    .selectFrom('login_failure')
    .select(['username_lower', (eb) => eb.fn.countAll<number>().as('n')])
    .where('username_lower', 'in', usernamesLower)
    .where('at', '>', since)
    .groupBy('username_lower')
    .execute();
  return new Map(rows.map((r) => [r.username_lower, Number(r.n)]));
}

export async function clearLoginFailures(trx: Trx, usernameLower: string): Promise<void> {
  await trx.deleteFrom('login_failure').where('username_lower', '=', usernameLower).execute();
}

export async function usernameTaken(db: Db | Trx, usernameLower: string): Promise<boolean> {
  return (
    (await db.selectFrom('app_user').select('id').where('username_lower', '=', usernameLower).executeTakeFirst()) !== undefined
  );
}

export async function setDisabledAt(trx: Trx, id: string, at: string | null): Promise<void> {
  await trx.updateTable('app_user').set({ disabled_at: at }).where('id', '=', id).execute();
}

/** A new password hash that must be changed at the next sign-in. */
export async function setTemporaryPassword(trx: Trx, id: string, hash: string, at: string): Promise<void> {
  await trx
    .updateTable('app_user')
    .set({ password_hash: hash, must_change_password: 1, password_changed_at: at })
    .where('id', '=', id)
    .execute();
}

export async function findGrant(db: Db | Trx, id: string) {
  return db.selectFrom('role_grant').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertGrant(trx: Trx, g: Insertable<RoleGrantTable>): Promise<void> {
  await trx.insertInto('role_grant').values(g).execute();
}

export async function deleteGrant(trx: Trx, id: string): Promise<void> {
  await trx.deleteFrom('role_grant').where('id', '=', id).execute();
}

/** An org's status (an account's home org, a grant's org), or undefined. */
export async function findOrgStatus(db: Db | Trx, id: string) {
  return db.selectFrom('org').select(['id', 'status']).where('id', '=', id).executeTakeFirst();
}
