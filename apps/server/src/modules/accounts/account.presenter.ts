import { type AccountView, isAdminRole } from '@tongxin/contracts';
import type { Access } from '../../access/access.js';
import type { Db } from '../../platform/db/connect.js';
import type { AppUserTable } from '../../platform/db/types.js';
import { canManageAccount, grantsOf } from './account.repository.js';

type UserRow = AppUserTable & { home_org_name: string | null };

/** Account rows with their grants and what the actor may do to each (2 queries for the whole page). */
export async function presentAccounts(db: Db, access: Access, rows: UserRow[], lockedNames: Set<string>): Promise<AccountView[]> {
  const grants = await grantsOf(
    db,
    rows.map((r) => r.id),
  );
  const canUnlock = access.holdsGlobally('security.account.unlock');
  const canRevokeAny = access.holdsGlobally('security.session.revoke');
  const canGrant = access.holdsAnywhere('grant.manage') || access.holdsGlobally('security.grant.manage');
  return Promise.all(
    rows.map(async (r) => {
      const own = grants.filter((g) => g.user_id === r.id);
      const manage = await canManageAccount(db, access, r, own);
      return {
        id: r.id,
        username: r.username,
        displayName: r.display_name,
        homeOrgId: r.home_org_id,
        homeOrgName: r.home_org_name,
        disabled: r.disabled_at !== null,
        locked: lockedNames.has(r.username_lower),
        mustChangePassword: r.must_change_password === 1,
        lastLoginAt: r.last_login_at,
        createdAt: r.created_at,
        grants: own.map((g) => ({ id: g.id, role: g.role, orgId: g.org_id, orgName: g.org_name, reach: g.reach })),
        abilities: {
          manage,
          grant: canGrant && access.user?.id !== r.id && !own.some((g) => isAdminRole(g.role)),
          unlock: canUnlock,
          revokeSessions: manage || canRevokeAny,
        },
      };
    }),
  );
}

/** One account as the list shows it (after it was created). */
export async function presentAccountById(db: Db, access: Access, id: string): Promise<AccountView> {
  const row = await db
    .selectFrom('app_user')
    .leftJoin('org', 'org.id', 'app_user.home_org_id')
    .selectAll('app_user')
    .select('org.name as home_org_name')
    .where('app_user.id', '=', id)
    .executeTakeFirstOrThrow();
  const [view] = await presentAccounts(db, access, [row], new Set());
  return view!;
}
