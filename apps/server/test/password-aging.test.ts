import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/platform/config.js';
import { addUser, PASSWORD, type Session, signIn, standardTree, testApp } from './support.js';

/** AUTH-03: admin passwords expire (default 90 days); none of the last 5 passwords may be used again. */
let t: Awaited<ReturnType<typeof testApp>>;
let tree: Awaited<ReturnType<typeof standardTree>>;
const DAY = 86_400_000;
const START = new Date('2026-11-26T02:00:00Z');

beforeAll(async () => {
  t = await testApp({ passwordMaxAgeDays: loadConfig({}).passwordMaxAgeDays });
  t.clock.set(START);
  tree = await standardTree(t.deps);
});
afterAll(() => t.close());

const setChangedAt = (username: string, at: Date) =>
  t.deps.db.updateTable('app_user').set({ password_changed_at: at.toISOString() }).where('username', '=', username).execute();
const me = (s: Session) => t.app.inject({ method: 'GET', url: '/api/auth/me', headers: s.headers });
const orgs = (s: Session) => t.app.inject({ method: 'GET', url: '/api/orgs/roots', headers: s.headers });
const change = (s: Session, currentPassword: string, newPassword: string) =>
  t.app.inject({
    method: 'POST',
    url: '/api/auth/change-password',
    headers: s.headers,
    payload: { currentPassword, newPassword },
  });

describe('AUTH-03: password expiry', () => {
  it('on day 90 an admin signs in to the "must change" state; on day 89 it does not; a secretary never expires', async () => {
    await addUser(t.deps, 'pa_admin', [{ role: 'committee_admin', orgId: tree.districtA, reach: 'subtree' }]);
    await addUser(t.deps, 'pa_fresh_admin', [{ role: 'committee_admin', orgId: tree.districtA, reach: 'subtree' }]);
    await addUser(t.deps, 'pa_secretary', [{ role: 'secretary', orgId: tree.branchA1 }]);
    await setChangedAt('pa_admin', new Date(START.getTime() - 90 * DAY));
    await setChangedAt('pa_fresh_admin', new Date(START.getTime() - 89 * DAY));
    await setChangedAt('pa_secretary', new Date(START.getTime() - 400 * DAY));

    const admin = await signIn(t.app, 'pa_admin');
    expect((await me(admin)).json().user.mustChangePassword).toBe(true);
    const refused = await orgs(admin);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('password_change_required');
    const audited = await t.deps.db
      .selectFrom('audit_log')
      .select(['actor_name', 'detail'])
      .where('type', '=', 'auth.password_expired')
      .execute();
    expect(audited.map((a) => a.actor_name)).toEqual(['pa_admin']);

    expect((await me(await signIn(t.app, 'pa_fresh_admin'))).json().user.mustChangePassword).toBe(false);
    expect((await me(await signIn(t.app, 'pa_secretary'))).json().user.mustChangePassword).toBe(false);

    // Changing it lifts the state and starts a new 90 days.
    const res = await change(admin, PASSWORD, 'Xin#Mima-2027a');
    expect(res.statusCode, res.body).toBe(200);
    const again = await signIn(t.app, 'pa_admin', 'Xin#Mima-2027a');
    expect((await orgs(again)).statusCode).toBe(200);
  });

  it('reads the maximum age per role from the environment, the shortest of an account’s roles winning', () => {
    const c = loadConfig({ PASSWORD_MAX_AGE_DAYS: '60', PASSWORD_MAX_AGE_DAYS_BY_ROLE: 'secretary=180, audit_admin=0' });
    expect(c.passwordMaxAgeDays.committee_admin).toBe(60);
    expect(c.passwordMaxAgeDays.security_admin).toBe(60);
    expect(c.passwordMaxAgeDays.secretary).toBe(180);
    expect(c.passwordMaxAgeDays.audit_admin).toBe(0);
    expect(c.passwordMaxAgeDays.member).toBe(0);
    expect(() => loadConfig({ PASSWORD_MAX_AGE_DAYS_BY_ROLE: 'chairman=30' })).toThrow('chairman');
    expect(loadConfig({}).passwordHistory).toBe(5);
  });
});

describe('AUTH-03: password history', () => {
  it('refuses any of the last 5 passwords and takes the 6th-oldest again', async () => {
    await addUser(t.deps, 'pa_history', [{ role: 'member', orgId: tree.branchA1 }]);
    const passwords = [PASSWORD, 'Lishi#Mima-0001', 'Lishi#Mima-0002', 'Lishi#Mima-0003', 'Lishi#Mima-0004', 'Lishi#Mima-0005'];
    let session = await signIn(t.app, 'pa_history');
    for (let i = 1; i < passwords.length; i++) {
      const res = await change(session, passwords[i - 1]!, passwords[i]!);
      expect(res.statusCode, res.body).toBe(200);
      session = await signIn(t.app, 'pa_history', passwords[i]);
    }
    // Current: 0005; the last 5 are 0001–0005, so 0001–0004 are refused with the field named.
    for (const old of passwords.slice(2, 5)) {
      const res = await change(session, 'Lishi#Mima-0005', old);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.fields).toEqual([{ path: 'newPassword', message: '新密码不能与最近5次使用过的密码相同' }]);
    }
    expect((await change(session, 'Lishi#Mima-0005', 'Lishi#Mima-0001')).statusCode).toBe(400);
    // The first password is six changes back: allowed again.
    expect((await change(session, 'Lishi#Mima-0005', PASSWORD)).statusCode).toBe(200);
    const kept = await t.deps.db
      .selectFrom('password_history')
      .innerJoin('app_user', 'app_user.id', 'password_history.user_id')
      .select('password_history.id')
      .where('app_user.username', '=', 'pa_history')
      .execute();
    expect(kept).toHaveLength(4);
  });
});
