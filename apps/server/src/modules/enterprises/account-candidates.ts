import type { Ctx } from '../../context.js';
import { accountsWithRole, type EnterpriseRole } from './enterprise-account.repository.js';

/**
 * Accounts holding a role (instructor or enterprise contact) that the actor may pick for an enterprise: active
 * accounts whose home org lies in its `account.read` scope. Names only, at most 20.
 */
export async function accountCandidates(ctx: Ctx, role: EnterpriseRole, q: string | undefined) {
  const access = ctx.access;
  access.requireAnywhere('enterprise.manage');
  return { items: await accountsWithRole(ctx.db, role, access.scope('account.read', 'app_user.home_org_id'), q) };
}
