import { insertOrg } from '../modules/orgs/org.repository.js';
import { insertAccount, insertGrant } from '../platform/accounts.js';
import { SYSTEM_CONTEXT } from '../platform/audit/events.js';
import { generatePassword } from '../platform/auth/password-policy.js';
import type { Deps } from '../platform/deps.js';

/**
 * A real deployment starts empty: the root committee and one bootstrap admin whose password and username
 * must be changed before anything else (AUTH-01). The 三员 accounts are then made with `tongxin create-admin`.
 */
export async function bootstrap(deps: Deps, rootName: string): Promise<{ username: string; password: string }> {
  const password = generatePassword(deps.crypto.randomToken);
  const hash = await deps.crypto.hashPassword(password);
  const now = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    const rootId = await insertOrg(trx, {
      parentId: null,
      name: rootName,
      kind: 'committee',
      level: 'city',
      foundedOn: null,
      createdAt: now,
    });
    const userId = await insertAccount(trx, {
      username: 'admin',
      displayName: '初始管理员',
      passwordHash: hash,
      homeOrgId: rootId,
      mustChangeUsername: true,
      createdAt: now,
    });
    await insertGrant(trx, { userId, role: 'committee_admin', orgId: rootId, reach: 'subtree', createdAt: now, createdBy: null });
    await deps.audit.record(trx, SYSTEM_CONTEXT, {
      type: 'account.create',
      orgId: rootId,
      objectType: 'user',
      objectId: userId,
      detail: { bootstrap: true },
    });
  });
  return { username: 'admin', password };
}

export async function isEmpty(deps: Pick<Deps, 'db'>): Promise<boolean> {
  const row = await deps.db.selectFrom('app_user').select('id').limit(1).executeTakeFirst();
  return row === undefined;
}
