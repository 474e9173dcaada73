import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootstrap } from '../src/entry/bootstrap.js';
import { settleSecureCookies } from '../src/platform/auth/cookie.js';
import { loadConfig } from '../src/platform/config.js';
import { addUser, PASSWORD, signIn, standardTree, testApp } from './support.js';

let t: Awaited<ReturnType<typeof testApp>>;
let tree: Awaited<ReturnType<typeof standardTree>>;

beforeAll(async () => {
  t = await testApp();
  tree = await standardTree(t.deps);
  await addUser(t.deps, 'Wang.Admin', [{ role: 'committee_admin', orgId: tree.city }]);
  await addUser(t.deps, 'secretary_a1', [{ role: 'secretary', orgId: tree.branchA1 }]);
  await addUser(t.deps, 'auditor', [{ role: 'audit_admin', orgId: null }]);
});
afterAll(() => t.close());

const login = (username: string, password = PASSWORD) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
const me = (cookie: string) => t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
const auditRows = (type: string) => t.deps.db.selectFrom('audit_log').selectAll().where('type', '=', type).execute();

describe('AUTH-01 accounts', () => {
  it('usernames are unique case-insensitively (database index)', async () => {
    await expect(addUser(t.deps, 'wang.admin', [])).rejects.toThrow();
  });
  it('sign-in ignores the case of the username', async () => {
    expect((await login('WANG.ADMIN')).statusCode).toBe(200);
  });
  it('the bootstrap admin must change username and password before anything else', async () => {
    const fresh = await testApp();
    try {
      const admin = await bootstrap(fresh.deps, '测试市互联网行业党委');
      const s = await signIn(fresh.app, admin.username, admin.password);
      const roots = await fresh.app.inject({ method: 'GET', url: '/api/orgs/roots', headers: s.headers });
      expect(roots.statusCode).toBe(403);
      expect(roots.json().error.code).toBe('password_change_required');
      expect((await me(s.cookie)).statusCode).toBe(401); // other app: this cookie belongs to `fresh`
      const meRes = await fresh.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: s.cookie } });
      expect(meRes.json().user).toMatchObject({ mustChangePassword: true, mustChangeUsername: true });
      const change = (body: object) =>
        fresh.app.inject({ method: 'POST', url: '/api/auth/change-password', headers: s.headers, payload: body });
      const keepName = await change({ currentPassword: admin.password, newPassword: 'Xinmima#2026a' });
      expect(keepName.statusCode).toBe(400);
      expect(keepName.json().error.fields[0].path).toBe('newUsername');
      const weak = await change({ currentPassword: admin.password, newPassword: 'short', newUsername: 'zhangwei' });
      expect(weak.json().error.fields.map((f: { path: string }) => f.path)).toContain('newPassword');
      const ok = await change({ currentPassword: admin.password, newPassword: 'Xinmima#2026a', newUsername: 'zhangwei' });
      expect(ok.statusCode).toBe(200);
      expect((await fresh.app.inject({ method: 'GET', url: '/api/orgs/roots', headers: s.headers })).statusCode).toBe(200);
      expect((await signIn(fresh.app, 'zhangwei', 'Xinmima#2026a')).cookie).toBeTruthy();
    } finally {
      await fresh.close();
    }
  });
});

describe('AUTH-04 lock-out', () => {
  it('5 failures lock the account for 15 minutes, even for the right password; then it opens again', async () => {
    await addUser(t.deps, 'lockme', [{ role: 'secretary', orgId: tree.branchA2 }]);
    for (let i = 0; i < 5; i += 1) expect((await login('lockme', 'Wrong#Pass1')).statusCode).toBe(401);
    const locked = await login('lockme');
    expect(locked.statusCode).toBe(401);
    expect((await auditRows('auth.lock')).filter((r) => r.actor_name === 'lockme')).toHaveLength(1);
    t.clock.advance(14 * 60_000);
    expect((await login('lockme')).statusCode).toBe(401);
    t.clock.advance(61_000);
    expect((await login('lockme')).statusCode).toBe(200);
  });

  it('the same answer for an unknown user, a wrong password and a locked account', async () => {
    const unknown = await login('nobody-here', 'Wrong#Pass1');
    const wrong = await login('secretary_a1', 'Wrong#Pass1');
    expect(unknown.statusCode).toBe(wrong.statusCode);
    expect(unknown.json().error.message).toBe(wrong.json().error.message);
    expect(unknown.json().error.code).toBe('invalid_credentials');
    const failures = (await auditRows('auth.login')).filter((r) => r.result === 'failed');
    expect(failures.map((r) => JSON.parse(r.detail).reason)).toEqual(
      expect.arrayContaining(['unknown_user', 'wrong_password', 'locked']),
    );
  });

  it('the security admin unlocks a locked account, audited', async () => {
    const id = await addUser(t.deps, 'lockme2', [{ role: 'secretary', orgId: tree.branchA2 }]);
    await addUser(t.deps, 'secadmin', [{ role: 'security_admin', orgId: null }]);
    for (let i = 0; i < 5; i += 1) await login('lockme2', 'Wrong#Pass1');
    expect((await login('lockme2')).statusCode).toBe(401);
    const s = await signIn(t.app, 'secadmin');
    const res = await t.app.inject({ method: 'POST', url: `/api/accounts/${id}/unlock`, headers: s.headers });
    expect(res.statusCode).toBe(200);
    expect((await login('lockme2')).statusCode).toBe(200);
    expect((await auditRows('auth.unlock')).map((r) => r.object_id)).toContain(id);
  });
});

describe('AUTH-07/08 sessions', () => {
  it('cookie is HttpOnly and SameSite=Strict; Secure and __Host- follow the configured public URL, not the Host header', async () => {
    const local = await login('secretary_a1');
    expect(String(local.headers['set-cookie'])).toMatch(/^tongxin=[\w-]{43}; Path=\/; HttpOnly; SameSite=Strict$/);
    // A client naming another host does not change the cookie: only the configuration does.
    const forged = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { host: 'dangjian.example.cn' },
      payload: { username: 'secretary_a1', password: PASSWORD },
    });
    expect(String(forged.headers['set-cookie'])).toMatch(/^tongxin=[\w-]{43}; Path=\/; HttpOnly; SameSite=Strict$/);
    const https = loadConfig({ DATA_DIR: t.dir, PUBLIC_URL: 'https://dangjian.example.cn' });
    expect(https.secureCookies).toBe(true);
    expect(loadConfig({ DATA_DIR: t.dir, PUBLIC_URL: 'http://10.0.0.5:3000' }).secureCookies).toBe(false);
    const auto = loadConfig({ DATA_DIR: t.dir });
    settleSecureCookies(auto, '0.0.0.0');
    expect(auto.secureCookies).toBe(true);
    const loop = loadConfig({ DATA_DIR: t.dir });
    settleSecureCookies(loop, '127.0.0.1');
    expect(loop.secureCookies).toBe(false);
    const prev = t.deps.config.secureCookies;
    t.deps.config.secureCookies = https.secureCookies;
    try {
      const remote = await login('secretary_a1');
      expect(String(remote.headers['set-cookie'])).toMatch(
        /^__Host-tongxin=[\w-]{43}; Path=\/; HttpOnly; Secure; SameSite=Strict$/,
      );
    } finally {
      t.deps.config.secureCookies = prev;
    }
  });

  it('a new token at every login (no fixation); the database keeps only its hash', async () => {
    const a = await signIn(t.app, 'secretary_a1');
    const b = await signIn(t.app, 'secretary_a1');
    expect(a.cookie).not.toBe(b.cookie);
    const token = a.cookie.split('=')[1]!;
    const stored = await t.deps.db.selectFrom('session').select('id').execute();
    expect(stored.map((r) => r.id)).not.toContain(token);
    expect(stored.map((r) => r.id)).toContain(t.deps.crypto.sm3(token));
  });

  it('idle timeout: 30 minutes for others, 15 for admins; the timeout is audited', async () => {
    const secretary = await signIn(t.app, 'secretary_a1');
    const auditor = await signIn(t.app, 'auditor');
    t.clock.advance(16 * 60_000);
    expect((await me(secretary.cookie)).statusCode).toBe(200);
    expect((await me(auditor.cookie)).statusCode).toBe(401);
    t.clock.advance(29 * 60_000);
    expect((await me(secretary.cookie)).statusCode).toBe(200);
    t.clock.advance(31 * 60_000);
    const expired = await me(secretary.cookie);
    expect(expired.statusCode).toBe(401);
    expect(expired.json().error.message).toBe('登录已超时，请重新登录');
    expect((await auditRows('auth.timeout')).length).toBeGreaterThanOrEqual(2);
  });

  it('AUTH-08: the idle timeout counts from the last request, exact to the second', async () => {
    const s = await signIn(t.app, 'secretary_a1');
    // 50 s later: a request the once-a-minute write does not store; the idle time runs from it all the same.
    t.clock.advance(50_000);
    expect((await me(s.cookie)).statusCode).toBe(200);
    t.clock.advance(30 * 60_000 - 1_000);
    expect((await me(s.cookie)).statusCode).toBe(200);
    t.clock.advance(30 * 60_000);
    expect((await me(s.cookie)).statusCode).toBe(401);
  });

  it('absolute lifetime of 12 hours, however active', async () => {
    const s = await signIn(t.app, 'secretary_a1');
    for (let i = 0; i < 24; i += 1) {
      t.clock.advance(29 * 60_000);
      const res = await me(s.cookie);
      if (i < 24 && (i + 1) * 29 < 720) expect(res.statusCode).toBe(200);
      else expect(res.statusCode).toBe(401);
    }
    t.clock.advance(29 * 60_000);
    expect((await me(s.cookie)).statusCode).toBe(401);
  });

  it('logout deletes the server-side session and sends Clear-Site-Data', async () => {
    const s = await signIn(t.app, 'secretary_a1');
    const out = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: s.headers });
    expect(out.statusCode).toBe(200);
    expect(out.headers['clear-site-data']).toContain('cookies');
    expect((await me(s.cookie)).statusCode).toBe(401);
  });

  it('users list and end their own sessions', async () => {
    await addUser(t.deps, 'two_sessions', [{ role: 'secretary', orgId: tree.branchA2 }]);
    const a = await signIn(t.app, 'two_sessions');
    const b = await signIn(t.app, 'two_sessions');
    const list = await t.app.inject({ method: 'GET', url: '/api/auth/sessions', headers: a.headers });
    expect(
      list
        .json()
        .items.map((s: { current: boolean }) => s.current)
        .sort(),
    ).toEqual([false, true]);
    const other = list.json().items.find((s: { current: boolean }) => !s.current);
    expect(other.id).toBe(t.deps.crypto.sm3(b.cookie.split('=')[1]!).slice(0, 16));
    const del = await t.app.inject({ method: 'DELETE', url: `/api/auth/sessions/${other.id}`, headers: a.headers });
    expect(del.statusCode).toBe(200);
    expect((await me(a.cookie)).statusCode).toBe(200);
    expect((await me(b.cookie)).statusCode).toBe(401);
  });
});

describe('AUTH-09 disabling ends sessions at once', () => {
  it('the next request of a disabled user is 401, and sign-in is refused', async () => {
    const id = await addUser(t.deps, 'tobedisabled', [{ role: 'secretary', orgId: tree.branchA2 }], tree.branchA2);
    const victim = await signIn(t.app, 'tobedisabled');
    const admin = await signIn(t.app, 'Wang.Admin');
    const res = await t.app.inject({ method: 'POST', url: `/api/accounts/${id}/disable`, headers: admin.headers });
    expect(res.statusCode).toBe(200);
    expect((await me(victim.cookie)).statusCode).toBe(401);
    expect((await login('tobedisabled')).statusCode).toBe(401);
  });
});

describe('IN-08 login rate limit per IP', () => {
  it('answers 429 past the limit in the error shape', async () => {
    const limited = await testApp({ loginRateLimitPerMinute: 3 });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 4; i += 1) {
        codes.push(
          (await limited.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'x', password: 'y' } }))
            .statusCode,
        );
      }
      expect(codes).toEqual([401, 401, 401, 429]);
    } finally {
      await limited.close();
    }
  });
});
