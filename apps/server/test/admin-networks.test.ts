import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminNetworks } from '../src/entry/http/admin-networks.js';
import { addUser, PASSWORD, standardTree, testApp } from './support.js';

/** AUTH-12: the 三员 and the admin consoles answer only from ADMIN_NETWORKS; X-Forwarded-For only from TRUST_PROXY. */
let t: Awaited<ReturnType<typeof testApp>>;
beforeAll(async () => {
  t = await testApp({ adminNetworks: '10.1.0.0/16, 192.168.5.7', trustProxy: '127.0.0.1' });
  const tree = await standardTree(t.deps);
  await addUser(t.deps, 'auditor', [{ role: 'audit_admin', orgId: null }]);
  await addUser(t.deps, 'cityadmin', [{ role: 'committee_admin', orgId: tree.city }]);
});
afterAll(() => t.close());

async function session(username: string, remoteAddress: string) {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    remoteAddress,
    payload: { username, password: PASSWORD },
  });
  expect(res.statusCode).toBe(200);
  return String(res.headers['set-cookie']).split(';')[0]!;
}
const get = (url: string, cookie: string, remoteAddress: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'GET', url, remoteAddress, headers: { cookie, ...headers } });

describe('AUTH-12: admin consoles only from configured networks', () => {
  it('the auditor reads the audit log from an allowed network, and gets 404 everywhere from outside', async () => {
    const inside = await session('auditor', '10.1.2.3');
    expect((await get('/api/audit', inside, '10.1.2.3')).statusCode).toBe(200);
    expect((await get('/api/audit', inside, '192.168.5.7')).statusCode).toBe(200);
    for (const url of ['/api/audit', '/api/auth/me']) {
      const res = await get(url, inside, '203.0.113.9');
      expect(res.statusCode, url).toBe(404);
      expect(res.json().error.code).toBe('not_found');
    }
  });

  it('a committee admin: the account console is refused from outside, business pages are not', async () => {
    const cookie = await session('cityadmin', '203.0.113.9');
    expect((await get('/api/accounts', cookie, '203.0.113.9')).statusCode).toBe(404);
    expect((await get('/api/orgs/roots', cookie, '203.0.113.9')).statusCode).toBe(200);
    expect((await get('/api/accounts', cookie, '10.1.9.9')).statusCode).toBe(200);
  });

  it('X-Forwarded-For counts only from the trusted proxy', async () => {
    const cookie = await session('auditor', '10.1.2.3');
    const forged = await get('/api/audit', cookie, '203.0.113.9', { 'x-forwarded-for': '10.1.2.3' });
    expect(forged.statusCode).toBe(404);
    const proxied = await get('/api/audit', cookie, '127.0.0.1', { 'x-forwarded-for': '10.1.2.3' });
    expect(proxied.statusCode).toBe(200);
  });

  it('a malformed ADMIN_NETWORKS stops the start with a clear message', () => {
    expect(() => adminNetworks('10.0.0.0/99')).toThrow('ADMIN_NETWORKS 中的地址无效：10.0.0.0/99');
    expect(adminNetworks('')).toBeNull();
  });
});
