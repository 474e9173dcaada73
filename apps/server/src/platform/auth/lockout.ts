import { v7 as uuidv7 } from 'uuid';
import type { Trx } from '../db/connect.js';
import type { Deps } from '../deps.js';

/** AUTH-04: 5 failures within 15 minutes lock the username for 15 minutes (all configurable). */
export function lockout(deps: Pick<Deps, 'clock' | 'config'>) {
  const { maxFailures, windowMinutes, lockMinutes } = deps.config.lockout;
  const recentSince = (now: Date) => new Date(now.getTime() - Math.max(windowMinutes, lockMinutes) * 60_000).toISOString();

  async function recentFailures(trx: Trx, usernameLower: string): Promise<string[]> {
    const rows = await trx
      .selectFrom('login_failure')
      .select('at')
      .where('username_lower', '=', usernameLower)
      .where('at', '>', recentSince(deps.clock.now()))
      .orderBy('at', 'desc')
      .execute();
    return rows.map((r) => r.at);
  }

  return {
    /** Locked when the last `maxFailures` failures fall within the window and the lock has not run out. */
    async isLocked(trx: Trx, usernameLower: string): Promise<boolean> {
      const at = await recentFailures(trx, usernameLower);
      if (at.length < maxFailures) return false;
      const newest = Date.parse(at[0]!);
      const oldestOfRun = Date.parse(at[maxFailures - 1]!);
      const now = deps.clock.now().getTime();
      return newest - oldestOfRun <= windowMinutes * 60_000 && now < newest + lockMinutes * 60_000;
    },
    /** Records a failure; true when this failure is the one that locks the account. */
    async recordFailure(trx: Trx, usernameLower: string, ip: string | null): Promise<boolean> {
      const at = deps.clock.now().toISOString();
      await trx.insertInto('login_failure').values({ id: uuidv7(), username_lower: usernameLower, ip, at }).execute();
      const times = await recentFailures(trx, usernameLower);
      const windowStart = deps.clock.now().getTime() - windowMinutes * 60_000;
      return times.filter((t) => Date.parse(t) > windowStart).length === maxFailures;
    },
    async clear(trx: Trx, usernameLower: string) {
      await trx.deleteFrom('login_failure').where('username_lower', '=', usernameLower).execute();
    },
  };
}
