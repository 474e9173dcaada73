import { prepared } from '../db/prepared.js';
import type { Deps } from '../deps.js';

export interface SessionInfo {
  id: string;
  userId: string;
  csrfToken: string;
  mustChangePassword: boolean;
  mustChangeUsername: boolean;
  username: string;
  displayName: string;
}

// last_seen_at is refreshed at most once a minute, so reads do not each cost a write.
const TOUCH_EVERY_MS = 60_000;

/**
 * The instant of each session's last request, kept in this process between those writes, so the idle timeout is
 * exact to the second (AUTH-08) rather than up to a minute early. Keyed by database: one per deployment.
 */
const lastSeenByDb = new WeakMap<object, Map<string, number>>();

export type SessionLookup =
  | { session: SessionInfo }
  | { expired: { userId: string; username: string; reason: 'idle' | 'absolute' } }
  | null;

/** Every signed-in request runs this: prepared once (see prepared.ts). */
const sessionById = prepared((db, v: { id: string }) =>
  db
    .selectFrom('session')
    .innerJoin('app_user', 'app_user.id', 'session.user_id')
    .select([
      'session.id',
      'session.user_id',
      'session.csrf_token',
      'session.last_seen_at',
      'session.expires_at',
      'session.idle_minutes',
      'app_user.username',
      'app_user.display_name',
      'app_user.disabled_at',
      'app_user.must_change_password',
      'app_user.must_change_username',
    ])
    .where('session.id', '=', v.id),
);

/** Server-side sessions (AUTH-07/08): the cookie holds a random token; the database keeps only its SM3 hash. */
export function sessionStore(deps: Pick<Deps, 'db' | 'crypto' | 'clock' | 'config'>) {
  const { db, crypto, clock, config } = deps;
  const lastSeen = lastSeenByDb.get(db) ?? new Map<string, number>();
  lastSeenByDb.set(db, lastSeen);
  return {
    async create(userId: string, privileged: boolean, ip: string | null, userAgent: string | null) {
      const token = crypto.randomToken(32);
      const now = clock.now();
      const row = {
        id: crypto.sm3(token),
        user_id: userId,
        csrf_token: crypto.randomToken(24),
        created_at: now.toISOString(),
        last_seen_at: now.toISOString(),
        expires_at: new Date(now.getTime() + config.session.absoluteHours * 3_600_000).toISOString(),
        idle_minutes: privileged ? config.session.adminIdleMinutes : config.session.idleMinutes,
        ip,
        user_agent: userAgent?.slice(0, 300) ?? null,
      };
      await db.insertInto('session').values(row).execute();
      return { token, id: row.id };
    },

    async lookup(token: string): Promise<SessionLookup> {
      const id = crypto.sm3(token);
      const [row] = await sessionById(db, { id });
      if (!row) return null;
      const now = clock.now().getTime();
      if (row.disabled_at !== null) {
        await db.deleteFrom('session').where('id', '=', id).execute();
        return null;
      }
      const stored = Date.parse(row.last_seen_at);
      const last = Math.max(stored, lastSeen.get(id) ?? 0);
      const idleEnd = last + row.idle_minutes * 60_000;
      if (now >= Date.parse(row.expires_at) || now >= idleEnd) {
        lastSeen.delete(id);
        await db.deleteFrom('session').where('id', '=', id).execute();
        const reason = now >= Date.parse(row.expires_at) ? 'absolute' : 'idle';
        return { expired: { userId: row.user_id, username: row.username, reason } };
      }
      lastSeen.set(id, now);
      if (now - stored >= TOUCH_EVERY_MS) {
        await db
          .updateTable('session')
          .set({ last_seen_at: new Date(now).toISOString() })
          .where('id', '=', id)
          .execute();
      }
      return {
        session: {
          id,
          userId: row.user_id,
          csrfToken: row.csrf_token,
          mustChangePassword: row.must_change_password === 1,
          mustChangeUsername: row.must_change_username === 1,
          username: row.username,
          displayName: row.display_name,
        },
      };
    },
  };
}
export type SessionStore = ReturnType<typeof sessionStore>;
