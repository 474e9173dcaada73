import { isPrivilegedRole, type Role } from '@tongxin/contracts';
import { loadGrants } from '../../access/access.js';
import type { AuditContext } from '../../platform/audit/events.js';
import { lockout } from '../../platform/auth/lockout.js';
import { passwordExpired } from '../../platform/auth/password-aging.js';
import type { SessionStore } from '../../platform/auth/sessions.js';
import type { Trx } from '../../platform/db/connect.js';
import { lockFor } from '../../platform/db/helpers.js';
import type { Deps } from '../../platform/deps.js';
import { AppError } from '../../platform/http/errors.js';
import { findLoginAccount, requirePasswordChange, setLastLogin } from './auth.repository.js';

// A real argon2id hash of a random string: unknown users cost the same verification as known ones (AUTH-04).
// Made when the routes are registered, so that even the first unknown-user attempt costs the same.
let dummyHash: Promise<string> | null = null;

export function prepareLogin(deps: Pick<Deps, 'crypto'>): Promise<string> {
  dummyHash ??= deps.crypto.hashPassword(deps.crypto.randomToken(16));
  return dummyHash;
}

const REFUSED = '用户名或密码错误；连续失败5次，账号将被锁定15分钟';

export interface LoginInput {
  username: string;
  password: string;
  ip: string | null;
  userAgent: string | null;
  requestId: string;
}

/** AUTH-03: an expired password puts the account in the "must change" state before it can do anything. */
async function expirePassword(
  deps: Deps,
  trx: Trx,
  ctx: AuditContext,
  user: { id: string; password_changed_at: string; must_change_password: boolean },
  roles: readonly Role[],
) {
  if (user.must_change_password) return;
  if (!passwordExpired(user.password_changed_at, roles, deps.config.passwordMaxAgeDays, deps.clock.now())) return;
  await requirePasswordChange(trx, user.id);
  await deps.audit.record(trx, ctx, {
    type: 'auth.password_expired',
    objectType: 'user',
    objectId: user.id,
    detail: { changedAt: user.password_changed_at },
  });
}

/** Same answer, status and cost for an unknown user, a wrong password, a disabled or a locked account. */
export async function login(deps: Deps, sessions: SessionStore, input: LoginInput) {
  const { db, crypto, audit } = deps;
  const locks = lockout(deps);
  const usernameLower = input.username.trim().toLowerCase();

  const user = await findLoginAccount(db, usernameLower);
  const passwordOk = await crypto.verifyPassword(user?.password_hash ?? (await prepareLogin(deps)), input.password);
  const ctx: AuditContext = {
    actor: { id: user?.id ?? null, name: user?.username ?? usernameLower.slice(0, 64), role: null },
    ip: input.ip,
    userAgent: input.userAgent,
    requestId: input.requestId,
  };

  const outcome = await db.transaction().execute(async (trx) => {
    await lockFor(trx, `login:${usernameLower}`);
    const locked = await locks.isLocked(trx, usernameLower);
    if (user && passwordOk && !locked && user.disabled_at === null) {
      await locks.clear(trx, usernameLower);
      await setLastLogin(trx, user.id, deps.clock.now().toISOString());
      await audit.record(trx, ctx, { type: 'auth.login', objectType: 'user', objectId: user.id });
      const grants = await loadGrants(trx, user.id);
      await expirePassword(
        deps,
        trx,
        ctx,
        user,
        grants.map((g) => g.role),
      );
      return { ok: true as const, userId: user.id, grants };
    }
    const reason = !user ? 'unknown_user' : locked ? 'locked' : user.disabled_at ? 'disabled' : 'wrong_password';
    if (!locked) {
      const nowLocked = await locks.recordFailure(trx, usernameLower, input.ip);
      if (nowLocked)
        await audit.record(trx, ctx, { type: 'auth.lock', result: 'denied', objectType: 'user', objectId: user?.id ?? null });
    }
    await audit.record(trx, ctx, { type: 'auth.login', result: 'failed', detail: { reason } });
    return { ok: false as const };
  });
  if (!outcome.ok) throw new AppError(401, 'invalid_credentials', REFUSED);

  return sessions.create(
    outcome.userId,
    outcome.grants.some((g) => isPrivilegedRole(g.role)),
    input.ip,
    input.userAgent,
  );
}
