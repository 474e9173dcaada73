import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import { redactPersonal } from '../src/platform/http/log-redaction.js';
import { memberBody, validIdNumber } from './members.support.js';
import { addUser, PASSWORD, signIn, standardTree, testDeps } from './support.js';

let env: Awaited<ReturnType<typeof testDeps>>;
let app: Awaited<ReturnType<typeof buildApp>>;
const lines: string[] = [];
beforeAll(async () => {
  env = await testDeps();
  app = await buildApp(env.deps, { logger: { level: 'info', stream: { write: (line: string) => lines.push(line) } } });
});
afterAll(async () => {
  await app.close();
  await env.close();
});

describe('no plaintext personal data in logs or error messages (DP-02, DP-11)', () => {
  it('masks ID numbers and mobiles in request lines, and errors never echo them', async () => {
    const tree = await standardTree(env.deps);
    await addUser(env.deps, 'district_a', [{ role: 'committee_admin', orgId: tree.districtA }]);
    const s = await signIn(app, 'district_a');
    const body = memberBody(tree.branchA1, { name: '日志测试', phone: '13912345678' });
    expect((await app.inject({ method: 'POST', url: '/api/members', headers: s.headers, payload: body })).statusCode).toBe(201);
    const search = await app.inject({ method: 'GET', url: `/api/members?q=${body.idNumber}`, headers: s.headers });
    expect(search.json().total).toBe(1);
    await app.inject({ method: 'GET', url: '/api/members?q=13912345678', headers: s.headers });
    // A duplicate and a mismatched record: both refused, neither message repeats the number.
    const again = await app.inject({ method: 'POST', url: '/api/members', headers: s.headers, payload: body });
    expect(again.statusCode).toBe(409);
    const other = validIdNumber('1985-01-01');
    const wrong = await app.inject({
      method: 'POST',
      url: '/api/members',
      headers: s.headers,
      payload: { ...body, idNumber: other, phone: '13900000000' },
    });
    expect(wrong.statusCode).toBe(400);
    for (const res of [again, wrong]) {
      expect(res.body).not.toContain(body.idNumber);
      expect(res.body).not.toContain(other);
    }
    const id = search.json().items[0].id;
    await app.inject({
      method: 'POST',
      url: `/api/members/${id}/reveal`,
      headers: s.headers,
      payload: { password: PASSWORD, reason: '日志核查' },
    });
    const log = lines.join('');
    expect(log).toContain('/api/members?q=');
    for (const secret of [body.idNumber, '13912345678', other, '13900000000']) expect(log).not.toContain(secret);
    expect(log).toContain(`${body.idNumber.slice(0, 3)}***********${body.idNumber.slice(-4)}`);
  });

  it.each([
    ['/api/members?q=11010519491231002X', '/api/members?q=110***********002X'],
    ['/x?a=510104900101101&b=13812345678', '/x?a=510********1101&b=138****5678'],
    ['/api/members?page=2&pageSize=20', '/api/members?page=2&pageSize=20'],
  ])('redacts %s', (url, expected) => expect(redactPersonal(url)).toBe(expected));
});
