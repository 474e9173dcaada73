import { type AccountView, isAdminRole } from '@tongxin/contracts';
import type { Access } from '../../access/access.js';
import type { AccountRow, grantsOf } from './account.repository.js';

type Grant = Awaited<ReturnType<typeof grantsOf>>[number];

/** One account as the list shows it, with what the actor may do to it (`manage` decided by the use case). */
export function presentAccount(access: Access, r: AccountRow, own: Grant[], manage: boolean, locked: boolean): AccountView {
  const canUnlock = access.holdsGlobally('security.account.unlock');
  const canRevokeAny = access.holdsGlobally('security.session.revoke');
  const canGrant = access.holdsAnywhere('grant.manage') || access.holdsGlobally('security.grant.manage');
  return {
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    homeOrgId: r.home_org_id,
    homeOrgName: r.home_org_name,
    disabled: r.disabled_at !== null,
    locked,
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
}
