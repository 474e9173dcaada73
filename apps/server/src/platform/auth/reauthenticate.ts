import type { FastifyRequest } from 'fastify';
import type { AuditEventType } from '../audit/events.js';
import { lockFor } from '../db/helpers.js';
import type { Deps } from '../deps.js';
import { invalid } from '../http/errors.js';
import { lockout } from './lockout.js';

interface FailedAction {
  type: AuditEventType;
  objectType?: string;
  objectId?: string;
}

/**
 * Re-authentication before a sensitive action (AZ-05, DP-07): the signed-in user types their password again.
 * Wrong guesses count towards the lock-out (AUTH-04) and each is audited as the failed action, so the check is
 * no password oracle.
 */
export async function reauthenticate(deps: Deps, request: FastifyRequest, password: string, failed: FailedAction) {
  const user = await deps.db
    .selectFrom('app_user')
    .select(['id', 'username', 'password_hash'])
    .where('id', '=', request.session!.userId)
    .executeTakeFirstOrThrow();
  const usernameLower = user.username.toLowerCase();
  const passwordOk = await deps.crypto.verifyPassword(user.password_hash, password);
  const locks = lockout(deps);
  const refused = await deps.db.transaction().execute(async (trx) => {
    await lockFor(trx, `login:${usernameLower}`);
    if (await locks.isLocked(trx, usernameLower)) return '尝试次数过多，账号已被暂时锁定，请稍后再试';
    if (passwordOk) return null;
    if (await locks.recordFailure(trx, usernameLower, request.ip)) {
      await deps.audit.record(trx, request.auditContext(), {
        type: 'auth.lock',
        result: 'denied',
        objectType: 'user',
        objectId: user.id,
      });
    }
    await deps.audit.record(trx, request.auditContext(), { ...failed, result: 'failed', detail: { reason: '密码不正确' } });
    return '登录密码不正确';
  });
  if (refused) throw invalid('password', refused);
}
