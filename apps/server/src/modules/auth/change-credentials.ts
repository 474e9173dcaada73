import type { FastifyRequest } from 'fastify';
import { checkPassword } from '../../platform/auth/password-policy.js';
import type { Deps } from '../../platform/deps.js';
import { AppError, conflict, invalid } from '../../platform/http/errors.js';

export interface ChangeCredentialsInput {
  currentPassword: string;
  newPassword: string;
  newUsername?: string | undefined;
}

/** AUTH-01/02: a password change (and, for the bootstrap admin, a new username); other sessions end. */
export async function changeCredentials(deps: Deps, request: FastifyRequest, input: ChangeCredentialsInput) {
  const session = request.session!;
  const { db, crypto, clock, audit, config } = deps;
  const user = await db
    .selectFrom('app_user')
    .select(['id', 'username', 'display_name', 'password_hash', 'must_change_username'])
    .where('id', '=', session.userId)
    .executeTakeFirstOrThrow();
  if (!(await crypto.verifyPassword(user.password_hash, input.currentPassword))) {
    throw invalid('currentPassword', '当前密码不正确');
  }
  const username = input.newUsername?.trim() ?? user.username;
  if (user.must_change_username === 1 && username.toLowerCase() === user.username.toLowerCase()) {
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
  const hash = await crypto.hashPassword(input.newPassword);

  await db.transaction().execute(async (trx) => {
    if (username.toLowerCase() !== user.username.toLowerCase()) {
      const taken = await trx
        .selectFrom('app_user')
        .select('id')
        .where('username_lower', '=', username.toLowerCase())
        .executeTakeFirst();
      if (taken) throw conflict('该用户名已被使用');
    }
    await trx
      .updateTable('app_user')
      .set({
        username,
        username_lower: username.toLowerCase(),
        password_hash: hash,
        must_change_password: 0,
        must_change_username: 0,
        password_changed_at: clock.now().toISOString(),
      })
      .where('id', '=', user.id)
      .execute();
    await trx.deleteFrom('session').where('user_id', '=', user.id).where('id', '!=', session.id).execute();
    await audit.record(trx, request.auditContext(), {
      type: 'auth.password_change',
      objectType: 'user',
      objectId: user.id,
      detail: username !== user.username ? { username: { from: user.username, to: username } } : {},
    });
  });
}
