import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, type Session, signIn, standardTree, testApp } from './support.js';

let t: Awaited<ReturnType<typeof testApp>>;
let tree: Awaited<ReturnType<typeof standardTree>>;
const ids = {} as Record<'city' | 'districtA' | 'secretary' | 'sysadmin' | 'auditor', string>;
let s: Record<'city' | 'districtA' | 'secretary' | 'sysadmin', Session>;

beforeAll(async () => {
  t = await testApp();
  tree = await standardTree(t.deps);
  ids.city = await addUser(t.deps, 'city', [{ role: 'committee_admin', orgId: tree.city }]);
  ids.districtA = await addUser(t.deps, 'districta', [{ role: 'committee_admin', orgId: tree.districtA }]);
  ids.secretary = await addUser(t.deps, 'sec_a1', [{ role: 'secretary', orgId: tree.branchA1 }]);
  ids.sysadmin = await addUser(t.deps, 'sysadmin', [{ role: 'system_admin', orgId: null }]);
  ids.auditor = await addUser(t.deps, 'auditor', [{ role: 'audit_admin', orgId: null }]);
  s = {
    city: await signIn(t.app, 'city'),
    districtA: await signIn(t.app, 'districta'),
    secretary: await signIn(t.app, 'sec_a1'),
    sysadmin: await signIn(t.app, 'sysadmin'),
  };
});
afterAll(() => t.close());

const post = (who: Session, url: string, payload?: object) =>
  t.app.inject({ method: 'POST', url, headers: who.headers, ...(payload ? { payload } : {}) });

describe('whoever resets a password learns it: account management never reaches past one’s own authority', () => {
  it('AZ-06: the system admin cannot reset a role-holder or another 三员 account, only accounts with no role yet', async () => {
    expect((await post(s.sysadmin, `/api/accounts/${ids.city}/reset-password`)).statusCode).toBe(403);
    expect((await post(s.sysadmin, `/api/accounts/${ids.auditor}/reset-password`)).statusCode).toBe(403);
    const fresh = await addUser(t.deps, 'fresh_account', [], tree.branchA1);
    expect((await post(s.sysadmin, `/api/accounts/${fresh}/reset-password`)).statusCode).toBe(200);
  });

  it('a district admin cannot reset an account homed in its district that holds a city-wide role', async () => {
    const high = await addUser(t.deps, 'high_in_low_home', [{ role: 'committee_admin', orgId: tree.city }], tree.branchA1);
    expect((await post(s.districtA, `/api/accounts/${high}/reset-password`)).statusCode).toBe(403);
    expect((await post(s.districtA, `/api/accounts/${high}/disable`)).statusCode).toBe(403);
    expect((await post(s.city, `/api/accounts/${high}/reset-password`)).statusCode).toBe(200);
  });

  it('AZ-04: a committee member can only be linked to an account the actor may see', async () => {
    const put = (userId: string) =>
      t.app.inject({
        method: 'PUT',
        url: `/api/orgs/${tree.branchA1}/committee`,
        headers: s.secretary.headers,
        payload: { termStart: '2025-01-01', termYears: 3, members: [{ name: '书记', duty: 'secretary', userId }] },
      });
    expect((await put(ids.auditor)).statusCode).toBe(404);
    expect((await put(ids.districtA)).statusCode).toBe(404);
    expect((await put('01a2176b-979b-749c-8526-f6946d8c2333')).statusCode).toBe(404);
    expect((await put(ids.secretary)).statusCode).toBe(200);
  });
});

describe('change of password', () => {
  it('AUTH-04: wrong current passwords count towards the lock-out and are audited', async () => {
    await addUser(t.deps, 'guesser', [{ role: 'member', orgId: tree.branchA2, reach: 'org' }]);
    const g = await signIn(t.app, 'guesser');
    const change = (currentPassword: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/auth/change-password',
        headers: g.headers,
        payload: { currentPassword, newPassword: 'Xin#Mima2026z' },
      });
    for (let i = 0; i < 5; i += 1) expect((await change('Wrong#Guess1')).json().error.fields[0].path).toBe('currentPassword');
    const locked = await change('Ceshi#Mima2026');
    expect(locked.statusCode).toBe(400);
    expect(locked.json().error.message).toMatch(/锁定/);
    const failed = await t.deps.db
      .selectFrom('audit_log')
      .selectAll()
      .where('type', '=', 'auth.password_change')
      .where('result', '=', 'failed')
      .execute();
    expect(failed.filter((r) => r.actor_name === 'guesser')).toHaveLength(5);
  });

  it('only the bootstrap admin may choose a new username', async () => {
    await addUser(t.deps, 'keeps_name', [{ role: 'member', orgId: tree.branchA2, reach: 'org' }]);
    const k = await signIn(t.app, 'keeps_name');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/change-password',
      headers: k.headers,
      payload: { currentPassword: 'Ceshi#Mima2026', newPassword: 'Xin#Mima2026k', newUsername: 'admin' },
    });
    expect(res.statusCode).toBe(200);
    const row = await t.deps.db
      .selectFrom('app_user')
      .select('username')
      .where('username_lower', '=', 'keeps_name')
      .executeTakeFirst();
    expect(row?.username).toBe('keeps_name');
  });
});
