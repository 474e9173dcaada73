import type { Ctx } from '../../context.js';
import { endSessions } from '../../platform/accounts.js';
import { lockout } from '../../platform/auth/lockout.js';
import { refuseRecentPassword, retirePassword } from '../../platform/auth/password-aging.js';
import { checkPassword } from '../../platform/auth/password-policy.js';
import { lockFor } from '../../platform/db/helpers.js';
import { AppError, conflict, invalid } from '../../platform/http/errors.js';
import { findCredentials, setCredentials, usernameInUse } from './auth.repository.js';

export interface ChangeCredentialsInput {
  currentPassword: string;
  newPassword: string;
  newUsername?: string | undefined;
}

/**
 * AUTH-01/02/03: a password change, never back to one of the last few (and, for the bootstrap admin, a new
 * username); other sessions end.
 */
export async function changeCredentials(ctx: Ctx, input: ChangeCredentialsInput) {
  const session = ctx.session!;
  const { db, crypto, clock, audit, config } = ctx;
  const user = await findCredentials(db, session.userId);
  // AUTH-04 applies here too: guesses at the current password count towards the lock-out, and are audited.
  const locks = lockout(ctx);
  const usernameLower = user.username.toLowerCase();
  const passwordOk = await crypto.verifyPassword(user.password_hash, input.currentPassword);
  const refused = await db.transaction().execute(async (trx) => {
    await lockFor(trx, `login:${usernameLower}`);
    if (await locks.isLocked(trx, usernameLower)) return '尝试次数过多，账号已被暂时锁定，请稍后再试';
    if (passwordOk) return null;
    if (await locks.recordFailure(trx, usernameLower, ctx.actor.ip)) {
      await audit.record(trx, ctx.actor, {
        type: 'auth.lock',
        result: 'denied',
        objectType: 'user',
        objectId: user.id,
      });
    }
    await audit.record(trx, ctx.actor, {
      type: 'auth.password_change',
      result: 'failed',
      objectType: 'user',
      objectId: user.id,
    });
    return '当前密码不正确';
  });
  if (refused) throw invalid('currentPassword', refused);
  // Only the bootstrap admin chooses a new username; everyone else keeps theirs (audit trails follow names).
  const username = user.must_change_username ? (input.newUsername?.trim() ?? user.username) : user.username;
  if (user.must_change_username && username.toLowerCase() === usernameLower) {
    throw invalid('newUsername', '首次登录须更换初始用户名');
  }
  const problems = checkPassword(input.newPassword, config.passwordPolicy, { username, displayName: user.display_name });
  if (problems.length)
    throw new AppError(
      400,
      'validation_failed',
      problems[0]!,
      problems.map((message) => ({ path: 'newPassword', message })),
    );
  if (input.newPassword === input.currentPassword) throw invalid('newPassword', '新密码不能与当前密码相同');
  await refuseRecentPassword(
    db,
    crypto,
    { id: user.id, passwordHash: user.password_hash },
    input.newPassword,
    config.passwordHistory,
  );
  const hash = await crypto.hashPassword(input.newPassword);

  await db.transaction().execute(async (trx) => {
    if (username.toLowerCase() !== user.username.toLowerCase()) {
      if (await usernameInUse(trx, username.toLowerCase())) throw conflict('该用户名已被使用');
    }
    const now = clock.now().toISOString();
    await retirePassword(trx, user.id, user.password_hash, now, config.passwordHistory);
    await setCredentials(trx, user.id, { username, hash, at: now });
    await endSessions(trx, user.id, session.id);
    await audit.record(trx, ctx.actor, {
      type: 'auth.password_change',
      objectType: 'user',
      objectId: user.id,
      detail: username !== user.username ? { username: { from: user.username, to: username } } : {},
    });
  });
}
