import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SQLITE_PRAGMAS } from '../src/platform/db/connect.js';
import { addUser, engine, signIn, standardTree, testApp } from './support.js';

let t: Awaited<ReturnType<typeof testApp>>;
let tree: Awaited<ReturnType<typeof standardTree>>;

beforeAll(async () => {
  t = await testApp();
  tree = await standardTree(t.deps);
  await addUser(t.deps, 'cityadmin', [{ role: 'committee_admin', orgId: tree.city }]);
});
afterAll(() => t.close());

describe.runIf(engine === 'sqlite')('DB-01 SQLite pragmas', () => {
  it('reads back every pragma on the open connection', () => {
    const sqlite = t.deps.database.sqlite!;
    expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(sqlite.pragma('synchronous', { simple: true })).toBe(2);
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(sqlite.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(sqlite.pragma('secure_delete', { simple: true })).toBe(1);
    expect(SQLITE_PRAGMAS.map(([name]) => name)).toEqual([
      'journal_mode',
      'synchronous',
      'foreign_keys',
      'busy_timeout',
      'secure_delete',
    ]);
  });
});

describe('AZ-01 route access declarations', () => {
  // buildApp refusing to boot on a route without config.access: route-access.test.ts.
  it('snapshot: every route with its declared access', () => {
    const routes = t.app.routeRegistry
      .filter((r) => r.url.startsWith('/api/') && !r.url.startsWith('/api/docs'))
      .map((r) => `${r.method} ${r.url} ${r.access}`)
      .sort();
    expect(routes).toMatchSnapshot();
  });

  it('IN-05: no GET route changes business data', async () => {
    const s = await signIn(t.app, 'cityadmin');
    // Sessions (last seen) and the audit log (audited reads) may change on a read; nothing else may.
    const tables = [
      'org',
      'org_closure',
      'org_history',
      'org_committee',
      'committee_member',
      'member',
      'app_user',
      'role_grant',
      'login_failure',
    ] as const;
    const snapshot = async () =>
      JSON.stringify(await Promise.all(tables.map((name) => t.deps.db.selectFrom(name).selectAll().execute())));
    const before = await snapshot();
    const gets = t.app.routeRegistry.filter(
      (r) => r.method === 'GET' && r.url.startsWith('/api/') && !r.url.startsWith('/api/docs'),
    );
    expect(gets.length).toBeGreaterThan(8);
    for (const route of gets) {
      const url = route.url.replace(':id', tree.branchA1).replace('/search', '/search?q=党');
      await t.app.inject({ method: 'GET', url, headers: s.headers });
    }
    expect(await snapshot()).toBe(before);
  });
});

describe('HTTP platform', () => {
  it('OpenAPI document at /api/docs/json lists the API', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    expect(Object.keys(res.json().paths)).toContain('/api/orgs/{id}');
  });

  it('security headers: strict CSP, HSTS, no-store on API responses', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers['strict-transport-security']).toContain('max-age=31536000; includeSubDomains');
    expect(res.headers['cache-control']).toBe('no-store');
    // Refusals too: an error answer must not be cached either.
    const refused = await t.app.inject({ method: 'GET', url: '/api/auth/me' });
    expect(refused.statusCode).toBe(401);
    expect(refused.headers['cache-control']).toBe('no-store');
  });

  it('one error shape with a Chinese message naming the field and a request id', async () => {
    const s = await signIn(t.app, 'cityadmin');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/orgs',
      headers: s.headers,
      payload: { parentId: tree.city, name: 'x', kind: 'branch' },
    });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.error.code).toBe('validation_failed');
    expect(body.error.fields).toEqual([{ path: 'name', message: '组织名称至少2个字' }]);
    expect(body.error.message).toBe('组织名称至少2个字');
    expect(body.error.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('IN-01: unknown fields are refused (no mass assignment)', async () => {
    const s = await signIn(t.app, 'cityadmin');
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/orgs/${tree.branchA1}`,
      headers: s.headers,
      payload: { name: '改名后党支部', status: 'archived' },
    });
    expect(res.statusCode).toBe(400);
  });

  it('IN-09: __proto__ in a JSON body is refused and the prototype is untouched', async () => {
    const s = await signIn(t.app, 'cityadmin');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/orgs',
      headers: { ...s.headers, 'content-type': 'application/json' },
      payload: `{"parentId":"${tree.districtA}","name":"原型污染测试党支部","kind":"branch","__proto__":{"polluted":true}}`,
    });
    expect(res.statusCode).toBe(400);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const created = await t.deps.db.selectFrom('org').select('id').where('name', '=', '原型污染测试党支部').executeTakeFirst();
    expect(created).toBeUndefined();
  });

  it('IN-05: a state change without the CSRF token is refused', async () => {
    const s = await signIn(t.app, 'cityadmin');
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/orgs/${tree.branchA1}`,
      headers: { cookie: s.cookie },
      payload: { name: '新名称党支部' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('csrf_failed');
  });

  it('IN-05: a cross-site Origin is refused even with the token', async () => {
    const s = await signIn(t.app, 'cityadmin');
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/orgs/${tree.branchA1}`,
      headers: { ...s.headers, origin: 'https://evil.example', host: 'localhost' },
      payload: { name: '新名称党支部' },
    });
    expect(res.statusCode).toBe(403);
  });

  it('unknown API paths: 401 before sign-in (deny by default), 404 in the error shape after', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/nothing-here' })).statusCode).toBe(401);
    const s = await signIn(t.app, 'cityadmin');
    const res = await t.app.inject({ method: 'GET', url: '/api/nothing-here', headers: s.headers });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('not_found');
  });

  it('IN-11: an unexpected exception gives a generic body with a request id, no stack', async () => {
    const s = await signIn(t.app, 'cityadmin');
    const original = t.deps.db.selectFrom.bind(t.deps.db);
    // Break the database under one request only.
    (t.deps.db as { selectFrom: unknown }).selectFrom = () => {
      throw new Error('boom: secret detail');
    };
    try {
      const res = await t.app.inject({ method: 'GET', url: `/api/orgs/${tree.city}/history`, headers: s.headers });
      expect(res.statusCode).toBe(500);
      expect(res.body).not.toContain('boom');
      expect(res.json().error).toMatchObject({ code: 'internal', message: '服务器内部错误，请稍后重试' });
    } finally {
      (t.deps.db as { selectFrom: unknown }).selectFrom = original;
    }
  });
});
