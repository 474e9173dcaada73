import { SYSTEM_CONTEXT } from '../audit/events.js';
import type { Deps } from '../deps.js';

/**
 * DP-11 housekeeping, run with the inactive-account check: sessions past their absolute expiry (an idle one is
 * past it at most `absoluteHours` later) and failed sign-ins older than the lock-out can read are deleted, so
 * neither stays once it can no longer matter. One audit entry says how many went.
 */
export async function purgeStaleAuthRows(deps: Deps): Promise<{ sessions: number; loginFailures: number }> {
  const now = deps.clock.now();
  const { windowMinutes, lockMinutes } = deps.config.lockout;
  const failuresBefore = new Date(now.getTime() - Math.max(windowMinutes, lockMinutes) * 60_000).toISOString();
  return deps.db.transaction().execute(async (trx) => {
    const sessions = await trx.deleteFrom('session').where('expires_at', '<=', now.toISOString()).executeTakeFirst();
    const failures = await trx.deleteFrom('login_failure').where('at', '<', failuresBefore).executeTakeFirst();
    const counts = { sessions: Number(sessions.numDeletedRows), loginFailures: Number(failures.numDeletedRows) };
    if (counts.sessions + counts.loginFailures > 0) {
      await deps.audit.record(trx, SYSTEM_CONTEXT, { type: 'auth.purge', detail: counts });
    }
    return counts;
  });
}
