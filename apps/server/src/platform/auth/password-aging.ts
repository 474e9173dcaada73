import type { Role } from '@tongxin/contracts';
import { v7 as uuidv7 } from 'uuid';
import type { CryptoProvider } from '../crypto/provider.js';
import type { Db, Trx } from '../db/connect.js';
import { invalid } from '../http/errors.js';

const DAY_MS = 86_400_000;

/** AUTH-03: whether a password set at `changedAt` has outlived the shortest maximum age of the account's roles. */
export function passwordExpired(changedAt: string, roles: readonly Role[], maxAgeDays: Record<Role, number>, now: Date) {
  const ages = roles.map((r) => maxAgeDays[r]).filter((d) => d > 0);
  if (ages.length === 0) return false;
  return now.getTime() >= Date.parse(changedAt) + Math.min(...ages) * DAY_MS;
}

/**
 * Refuses a new password equal to the current one or to any of the `keep - 1` before it. Checked outside the
 * write transaction: each comparison is an argon2id verification.
 */
export async function refuseRecentPassword(
  db: Db,
  crypto: Pick<CryptoProvider, 'verifyPassword'>,
  user: { id: string; passwordHash: string },
  password: string,
  keep: number,
): Promise<void> {
  const earlier = await db
    .selectFrom('password_history')
    .select('password_hash')
    .where('user_id', '=', user.id)
    .orderBy('retired_at', 'desc')
    .orderBy('id', 'desc')
    .limit(keep - 1)
    .execute();
  for (const hash of [user.passwordHash, ...earlier.map((e) => e.password_hash)]) {
    if (await crypto.verifyPassword(hash, password)) {
      throw invalid('newPassword', keep > 1 ? `新密码不能与最近${keep}次使用过的密码相同` : '新密码不能与当前密码相同');
    }
  }
}

/** Keeps the hash a change replaces, and only the newest `keep - 1` of them (with the current: the last `keep`). */
export async function retirePassword(trx: Trx, userId: string, hash: string, at: string, keep: number): Promise<void> {
  if (keep > 1)
    await trx
      .insertInto('password_history')
      .values({ id: uuidv7(), user_id: userId, password_hash: hash, retired_at: at })
      .execute();
  const kept = trx
    .selectFrom('password_history')
    .select('id')
    .where('user_id', '=', userId)
    .orderBy('retired_at', 'desc')
    .orderBy('id', 'desc')
    .limit(Math.max(keep - 1, 0));
  await trx.deleteFrom('password_history').where('user_id', '=', userId).where('id', 'not in', kept).execute();
}
