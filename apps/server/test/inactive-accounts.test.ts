import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { disableInactiveAccounts } from '../src/platform/auth/inactive-accounts.js';
import { purgeStaleAuthRows } from '../src/platform/auth/purge-stale.js';
import { addUser, signIn, standardTree, testApp } from './support.js';

/** AUTH-11: accounts unused for 90 days are disabled by the job (fake clock). */
let t: Awaited<ReturnType<typeof testApp>>;
const DAY = 86_400_000;

beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

const lastLogin = (username: string, at: Date | null) =>
  t.deps.db
    .updateTable('app_user')
    .set({ last_login_at: at?.toISOString() ?? null, created_at: new Date(t.clock.now().getTime() - 400 * DAY).toISOString() })
    .where('username', '=', username)
    .execute();
const disabledAt = async (username: string) =>
  (await t.deps.db.selectFrom('app_user').select('disabled_at').where('username', '=', username).executeTakeFirstOrThrow())
    .disabled_at;

describe('AUTH-11: inactive accounts', () => {
  it('disables accounts unused for more than 90 days, ends their sessions, audits each, and spares the rest', async () => {
    const tree = await standardTree(t.deps);
    await addUser(t.deps, 'idle_secretary', [{ role: 'secretary', orgId: tree.branchA1 }]);
    await addUser(t.deps, 'busy_secretary', [{ role: 'secretary', orgId: tree.branchA1 }]);
    await addUser(t.deps, 'never_used', [{ role: 'member', orgId: tree.branchA1 }]);
    await addUser(t.deps, 'fresh_account', [{ role: 'member', orgId: tree.branchA1 }]);
    const idle = await signIn(t.app, 'idle_secretary');
    const now = t.clock.now().getTime();
    await lastLogin('idle_secretary', new Date(now - 90 * DAY - 60_000));
    await lastLogin('busy_secretary', new Date(now - 89 * DAY));
    await lastLogin('never_used', null); // created 400 days ago, never signed in
    expect(await disableInactiveAccounts(t.deps)).toEqual(['idle_secretary', 'never_used']);

    expect(await disabledAt('idle_secretary')).not.toBeNull();
    expect(await disabledAt('never_used')).not.toBeNull();
    expect(await disabledAt('busy_secretary')).toBeNull();
    expect(await disabledAt('fresh_account')).toBeNull();
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: idle.headers });
    expect(me.statusCode).toBe(401);
    const events = await t.deps.db.selectFrom('audit_log').select(['detail']).where('type', '=', 'account.disable').execute();
    expect(events.map((e) => JSON.parse(e.detail).reason)).toEqual(['连续 90 天未登录', '连续 90 天未登录']);
    // Run again: nothing more to do.
    expect(await disableInactiveAccounts(t.deps)).toEqual([]);
  });

  it('keeps the last enabled holder of each admin role, so the system can still be administered', async () => {
    await addUser(t.deps, 'sys_a', [{ role: 'system_admin', orgId: null }]);
    await addUser(t.deps, 'sys_b', [{ role: 'system_admin', orgId: null }]);
    const old = new Date(t.clock.now().getTime() - 200 * DAY);
    await lastLogin('sys_a', old);
    await lastLogin('sys_b', old);
    expect(await disableInactiveAccounts(t.deps)).toEqual(['sys_b']);
    expect(await disabledAt('sys_a')).toBeNull();
  });

  it('INACTIVE_ACCOUNT_DAYS=0 switches the job off', async () => {
    const off = { ...t.deps, config: { ...t.deps.config, inactiveAccountDays: 0 } };
    await addUser(t.deps, 'ancient', [{ role: 'member', orgId: null }]);
    await lastLogin('ancient', new Date(t.clock.now().getTime() - 1000 * DAY));
    expect(await disableInactiveAccounts(off)).toEqual([]);
    expect(await disabledAt('ancient')).toBeNull();
  });
});

describe('DP-11: stale sign-in rows are purged with the same check', () => {
  it('deletes sessions past their absolute expiry and failed sign-ins the lock-out no longer reads, audited once', async () => {
    const tree = await standardTree(t.deps);
    await addUser(t.deps, 'purge_live', [{ role: 'member', orgId: tree.branchA1 }]);
    await addUser(t.deps, 'purge_old', [{ role: 'member', orgId: tree.branchA1 }]);
    const live = await signIn(t.app, 'purge_live');
    await signIn(t.app, 'purge_old');
    const now = t.clock.now().getTime();
    const oldUser = await t.deps.db
      .selectFrom('app_user')
      .select('id')
      .where('username', '=', 'purge_old')
      .executeTakeFirstOrThrow();
    await t.deps.db
      .updateTable('session')
      .set({ expires_at: new Date(now - 60_000).toISOString() })
      .where('user_id', '=', oldUser.id)
      .execute();
    await t.deps.db
      .insertInto('login_failure')
      .values([
        { id: 'lf-old', username_lower: 'someone', ip: null, at: new Date(now - 16 * 60_000).toISOString() },
        { id: 'lf-new', username_lower: 'someone', ip: null, at: new Date(now - 5 * 60_000).toISOString() },
      ])
      .execute();
    const before = await t.deps.db.selectFrom('session').select('user_id').execute();

    expect(await purgeStaleAuthRows(t.deps)).toEqual({ sessions: 1, loginFailures: 1 });
    const after = await t.deps.db.selectFrom('session').select('user_id').execute();
    expect(after).toHaveLength(before.length - 1);
    expect(after.some((r) => r.user_id === oldUser.id)).toBe(false);
    expect((await t.deps.db.selectFrom('login_failure').select('id').execute()).map((r) => r.id)).toEqual(['lf-new']);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: live.headers })).statusCode).toBe(200);
    const audited = await t.deps.db.selectFrom('audit_log').select('detail').where('type', '=', 'auth.purge').execute();
    expect(audited.map((a) => JSON.parse(a.detail))).toEqual([{ sessions: 1, loginFailures: 1 }]);
    // Nothing left to purge: nothing audited.
    expect(await purgeStaleAuthRows(t.deps)).toEqual({ sessions: 0, loginFailures: 0 });
    expect(await t.deps.db.selectFrom('audit_log').select('id').where('type', '=', 'auth.purge').execute()).toHaveLength(1);
  });
});
