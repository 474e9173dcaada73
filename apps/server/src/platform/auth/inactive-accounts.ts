import { ADMIN_ROLES } from '@tongxin/contracts';
import { endSessions } from '../accounts.js';
import { SYSTEM_CONTEXT } from '../audit/events.js';
import type { Deps } from '../deps.js';

/** How often the running server looks for inactive accounts. */
export const INACTIVE_CHECK_INTERVAL_MS = 6 * 3_600_000;

/**
 * AUTH-11: accounts nobody has signed in to for `config.inactiveAccountDays` (from their creation when never
 * used) are disabled, their sessions ended, each audited. The last enabled holder of each of the three admin
 * roles is kept, so the system can always be administered (and re-enable the others).
 * Returns the usernames disabled.
 */
export async function disableInactiveAccounts(deps: Deps): Promise<string[]> {
  const days = deps.config.inactiveAccountDays;
  if (days === 0) return [];
  const cutoff = new Date(deps.clock.now().getTime() - days * 86_400_000).toISOString();
  return deps.db.transaction().execute(async (trx) => {
    const stale = await trx
      .selectFrom('app_user')
      .select(['id', 'username', 'last_login_at', 'created_at'])
      .where('disabled_at', 'is', null)
      .where((eb) => eb(eb.fn.coalesce('last_login_at', 'created_at'), '<', cutoff))
      .orderBy('username')
      .execute();
    if (!stale.length) return [];
    const adminGrants = await trx
      .selectFrom('role_grant')
      .innerJoin('app_user', 'app_user.id', 'role_grant.user_id')
      .select(['role_grant.role', 'role_grant.user_id'])
      .where('role_grant.role', 'in', [...ADMIN_ROLES])
      .where('app_user.disabled_at', 'is', null)
      .execute();
    const staleIds = new Set(stale.map((u) => u.id));
    const kept = new Set<string>();
    for (const role of ADMIN_ROLES) {
      const holders = adminGrants.filter((g) => g.role === role).map((g) => g.user_id);
      // Every enabled holder is stale: keep one of them.
      if (holders.length && holders.every((id) => staleIds.has(id))) kept.add(holders.sort()[0]!);
    }
    const now = deps.clock.now().toISOString();
    const disabled: string[] = [];
    for (const user of stale) {
      if (kept.has(user.id)) continue;
      await trx.updateTable('app_user').set({ disabled_at: now }).where('id', '=', user.id).execute();
      await endSessions(trx, user.id);
      await deps.audit.record(trx, SYSTEM_CONTEXT, {
        type: 'account.disable',
        objectType: 'user',
        objectId: user.id,
        detail: { reason: `连续 ${days} 天未登录`, lastLoginAt: user.last_login_at },
      });
      disabled.push(user.username);
    }
    return disabled;
  });
}
