import type { Ctx } from '../../context.js';
import { insertAccount } from '../../platform/accounts.js';
import { generatePassword } from '../../platform/auth/password-policy.js';
import { conflict, forbidden, invalid, notFound } from '../../platform/http/errors.js';
import { findOrgStatus, usernameTaken } from './account.repository.js';
import { accountViewById } from './account-views.js';

export interface CreateAccountInput {
  username: string;
  displayName: string;
  homeOrgId: string | null;
}

/**
 * The system admin creates any account; a committee admin creates accounts for people in its subtree.
 * The account starts with a generated password that must be changed at first sign-in.
 */
export async function createAccount(ctx: Ctx, input: CreateAccountInput) {
  const { access } = ctx;
  const password = generatePassword(ctx.crypto.randomToken);
  const hash = await ctx.crypto.hashPassword(password);
  const id = await ctx.db.transaction().execute(async (trx) => {
    if (input.homeOrgId) {
      const org = await findOrgStatus(trx, input.homeOrgId);
      if (!org) throw notFound('所属组织');
      if (!access.holdsGlobally('system.account.manage')) await access.in(trx).authorize('account.manage', org.id, '所属组织');
      if (org.status !== 'active') throw invalid('homeOrgId', '所属组织已撤销');
    } else if (!access.holdsGlobally('system.account.manage')) {
      throw access.holdsAnywhere('account.manage') ? invalid('homeOrgId', '请选择账号所属组织') : forbidden();
    }
    const lower = input.username.toLowerCase();
    if (await usernameTaken(trx, lower)) throw conflict('该用户名已被使用');
    const now = ctx.clock.now().toISOString();
    const userId = await insertAccount(trx, {
      username: input.username,
      displayName: input.displayName,
      passwordHash: hash,
      homeOrgId: input.homeOrgId,
      createdAt: now,
    });
    await ctx.audit.record(trx, ctx.actor, {
      type: 'account.create',
      orgId: input.homeOrgId,
      objectType: 'user',
      objectId: userId,
      detail: { after: { username: input.username, displayName: input.displayName, homeOrgId: input.homeOrgId } },
    });
    return userId;
  });
  return { account: await accountViewById(ctx.db, access, id), initialPassword: password };
}
