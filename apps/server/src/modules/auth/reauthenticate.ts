import type { Ctx } from '../../context.js';
import type { GenericAuditEventType } from '../../platform/audit/events.js';
import { lockout } from '../../platform/auth/lockout.js';
import { lockFor } from '../../platform/db/helpers.js';
import { invalid } from '../../platform/http/errors.js';
import { findCredentials } from './auth.repository.js';

interface FailedAction {
  type: GenericAuditEventType;
  objectType?: string;
  objectId?: string;
}

/**
 * Re-authentication before a sensitive action (AZ-05, DP-07): the signed-in user types their password again.
 * Wrong guesses count towards the lock-out (AUTH-04) and each is audited as the failed action, so the check is
 * no password oracle.
 */
export async function reauthenticate(ctx: Ctx, password: string, failed: FailedAction) {
  const user = await findCredentials(ctx.db, ctx.session!.userId);
  const usernameLower = user.username.toLowerCase();
  const passwordOk = await ctx.crypto.verifyPassword(user.password_hash, password);
  const locks = lockout(ctx);
  const refused = await ctx.db.transaction().execute(async (trx) => {
    await lockFor(trx, `login:${usernameLower}`);
    if (await locks.isLocked(trx, usernameLower)) return '尝试次数过多，账号已被暂时锁定，请稍后再试';
    if (passwordOk) return null;
    if (await locks.recordFailure(trx, usernameLower, ctx.actor.ip)) {
      await ctx.audit.record(trx, ctx.actor, {
        type: 'auth.lock',
        result: 'denied',
        objectType: 'user',
        objectId: user.id,
      });
    }
    await ctx.audit.record(trx, ctx.actor, { ...failed, result: 'failed', detail: { reason: '密码不正确' } });
    return '登录密码不正确';
  });
  if (refused) throw invalid('password', refused);
}
