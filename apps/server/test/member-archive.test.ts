import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { beijingDate } from '../src/platform/clock.js';
import { memberBody } from './members.support.js';
import { addUser, type Session, signIn, standardTree, testApp } from './support.js';

let t: Awaited<ReturnType<typeof testApp>>;
let tree: Awaited<ReturnType<typeof standardTree>>;
let admin: Session;
beforeAll(async () => {
  t = await testApp();
  tree = await standardTree(t.deps);
  await addUser(t.deps, 'district_a', [{ role: 'committee_admin', orgId: tree.districtA }]);
  admin = await signIn(t.app, 'district_a');
});
afterAll(() => t.close());

const call = (method: 'GET' | 'POST', url: string, payload?: object, s: Session = admin) =>
  t.app.inject({ method, url, headers: s.headers, ...(payload ? { payload } : {}) });
const create = async (name: string) =>
  (await call('POST', '/api/members', memberBody(tree.branchA1, { name }))).json().id as string;
const today = () => beijingDate(t.clock.now());

describe('archiving a member', () => {
  it("disables the member's own account and ends its sessions, audited (AUTH-11)", async () => {
    const id = await create('钱离开');
    const userId = await addUser(t.deps, 'qian_member', [{ role: 'member', orgId: tree.branchA1, reach: 'org' }]);
    await t.deps.db.updateTable('app_user').set({ member_id: id }).where('id', '=', userId).execute();
    const own = await signIn(t.app, 'qian_member');
    expect((await call('GET', '/api/members/mine', undefined, own)).statusCode).toBe(200);
    expect((await call('POST', `/api/members/${id}/archive`, { reason: 'left', on: today() })).statusCode).toBe(200);
    expect((await call('GET', '/api/auth/me', undefined, own)).statusCode).toBe(401);
    const account = await t.deps.db
      .selectFrom('app_user')
      .select('disabled_at')
      .where('id', '=', userId)
      .executeTakeFirstOrThrow();
    expect(account.disabled_at).not.toBeNull();
    const audit = await t.deps.db.selectFrom('audit_log').select('type').where('object_id', '=', userId).execute();
    expect(audit.map((a) => a.type)).toContain('account.disable');
  });

  it('is refused while a transfer of the member is pending', async () => {
    const id = await create('孙待转');
    const letter = await call('POST', '/api/transfers', {
      direction: 'within',
      memberId: id,
      toOrgId: tree.branchA2,
      letterNo: '泸江组转〔2026〕77号',
      issuedOn: today(),
      reason: 'job_change',
    });
    expect(letter.statusCode).toBe(201);
    const res = await call('POST', `/api/members/${id}/archive`, { reason: 'left', on: today() });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toContain('转接');
    const row = await t.deps.db.selectFrom('member').select('archived_at').where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.archived_at).toBeNull();
  });

  it.each([
    ['2020-02-31', '不是有效的日期'],
    ['2999-01-01', '不能晚于今天'],
  ])('refuses the date %s naming the field', async (on, words) => {
    const id = await create('李日期');
    const res = await call('POST', `/api/members/${id}/archive`, { reason: 'left', on });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0]).toEqual({ path: 'on', message: expect.stringContaining(words) });
  });
});

describe('dates that do not exist', () => {
  it.each(['joinedOn', 'fullOn'] as const)('%s = 2016-02-30 is refused naming the field', async (field) => {
    const res = await call('POST', '/api/members', memberBody(tree.branchA1, { [field]: '2016-02-30' }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toContainEqual({ path: field, message: expect.stringContaining('不是有效的日期') });
  });
});
