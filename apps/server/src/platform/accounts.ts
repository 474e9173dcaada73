import type { Reach, Role } from '@tongxin/contracts';
import { v7 as uuidv7 } from 'uuid';
import type { Db, Trx } from './db/connect.js';

export interface NewAccount {
  username: string;
  displayName: string;
  passwordHash: string;
  homeOrgId: string | null;
  /** New accounts change their password at first sign-in; only demo accounts do not. */
  mustChangePassword?: boolean;
  /** The bootstrap admin also chooses a new username. */
  mustChangeUsername?: boolean;
  /** The member record of a member's own account. */
  memberId?: string | null;
  createdAt: string;
}

/** The one place an account row is written (web, CLI, bootstrap and demo all come through here). */
export async function insertAccount(trx: Trx, account: NewAccount): Promise<string> {
  const id = uuidv7();
  await trx
    .insertInto('app_user')
    .values({
      id,
      username: account.username,
      username_lower: account.username.toLowerCase(),
      display_name: account.displayName,
      password_hash: account.passwordHash,
      must_change_password: account.mustChangePassword === false ? 0 : 1,
      must_change_username: account.mustChangeUsername ? 1 : 0,
      home_org_id: account.homeOrgId,
      disabled_at: null,
      created_at: account.createdAt,
      password_changed_at: account.createdAt,
      last_login_at: null,
      member_id: account.memberId ?? null,
    })
    .execute();
  return id;
}

export async function insertGrant(
  trx: Trx,
  grant: { userId: string; role: Role; orgId: string | null; reach: Reach; createdAt: string; createdBy: string | null },
): Promise<string> {
  const id = uuidv7();
  await trx
    .insertInto('role_grant')
    .values({
      id,
      user_id: grant.userId,
      role: grant.role,
      org_id: grant.orgId,
      reach: grant.reach,
      created_at: grant.createdAt,
      created_by: grant.createdBy,
    })
    .execute();
  return id;
}

/** AUTH-09: ends every session of an account at once (disable, grant change, password reset). */
export async function endSessions(trx: Db | Trx, userId: string, exceptSessionId?: string): Promise<void> {
  await trx
    .deleteFrom('session')
    .where('user_id', '=', userId)
    .$if(exceptSessionId !== undefined, (q) => q.where('id', '!=', exceptSessionId as string))
    .execute();
}
