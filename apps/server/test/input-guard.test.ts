import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { duplicateKey } from '../src/entry/http/input-guard.js';
import { addUser, type Session, signIn, standardTree, testApp } from './support.js';

/**
 * IN-03 (issue #14, finding 3): a NUL gave a 500 on PostgreSQL, even before sign-in. Control characters, bidi
 * overrides, invalid UTF-8 and duplicate JSON keys are refused with a Chinese message naming the field, on both
 * engines, before any handler or database sees them.
 */
let t: Awaited<ReturnType<typeof testApp>>;
let admin: Session;
let tree: Awaited<ReturnType<typeof standardTree>>;
beforeAll(async () => {
  t = await testApp();
  tree = await standardTree(t.deps);
  await addUser(t.deps, 'cityadmin', [{ role: 'committee_admin', orgId: tree.city }]);
  admin = await signIn(t.app, 'cityadmin');
});
afterAll(() => t.close());

const json = (payload: string, headers: Record<string, string> = {}) => ({
  headers: { 'content-type': 'application/json', ...headers },
  payload,
});

describe('IN-03: characters no field may carry', () => {
  it('a NUL in the sign-in form, before sign-in: 400 naming the field, not 500', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'city\u0000admin', password: 'x' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toBe('「username」含有不可见的控制字符，请删除后重试');
    expect(res.json().error.fields[0].path).toBe('username');
  });

  it('a NUL or a C1 control in a search: 400 on members, orgs, enterprises and accounts', async () => {
    for (const url of ['/api/members', '/api/orgs/search', '/api/enterprises', '/api/accounts']) {
      for (const q of ['%00', '%C2%85']) {
        const res = await t.app.inject({ method: 'GET', url: `${url}?q=${q}`, headers: admin.headers });
        expect(res.statusCode, `${url} ${q}`).toBe(400);
        expect(res.json().error.message).toMatch(/^「q」含有/);
      }
    }
  });

  it('a bidi override in an org name is refused; plain Chinese, tabs and line breaks pass', async () => {
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/orgs',
      headers: admin.headers,
      payload: { parentId: tree.districtA, name: '甲三\u202e司公限有', kind: 'branch' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toBe('「name」含有改变文字方向的控制字符，请删除后重试');
    const good = await t.app.inject({
      method: 'POST',
      url: '/api/orgs',
      headers: admin.headers,
      payload: { parentId: tree.districtA, name: '甲三科技有限公司党支部', kind: 'branch' },
    });
    expect(good.statusCode).toBe(201);
  });

  it('invalid UTF-8 in a JSON body is refused as an encoding error', async () => {
    const body = Buffer.concat([Buffer.from('{"username":"a'), Buffer.from([0xff, 0xfe]), Buffer.from('","password":"x"}')]);
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', ...json(body as unknown as string) });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toBe('请求内容不是有效的 UTF-8 编码');
    // A pasted replacement character is what invalid bytes decode to elsewhere: refused too.
    const url = await t.app.inject({ method: 'GET', url: '/api/members?q=%EF%BF%BD', headers: admin.headers });
    expect(url.statusCode).toBe(400);
    expect(url.json().error.message).toBe('「q」含有无法识别的字符（编码错误），请删除后重试');
  });

  it('duplicate JSON keys are refused, naming the key', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      ...json('{"username":"cityadmin","password":"x","password":"y"}'),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toBe('字段「password」重复出现');
    expect(duplicateKey('{"a":{"b":1,"c":{"b":2}},"d":[{"e":1},{"e":2}]}')).toBeNull();
    expect(duplicateKey('{"a":{"b":1,"b":2}}')).toBe('a.b');
    expect(duplicateKey('{"a":1,"\\u0061":2}')).toBe('a');
  });

  it('IN-09: __proto__ in a body is still refused by the guarded parser', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      ...json('{"username":"a","password":"b","__proto__":{"polluted":true}}'),
    });
    expect(res.statusCode).toBe(400);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
