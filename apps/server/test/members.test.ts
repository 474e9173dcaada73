import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memberBody, validIdNumber } from './members.support.js';
import { addUser, engine, PASSWORD, type Session, signIn, standardTree, testApp } from './support.js';

let t: Awaited<ReturnType<typeof testApp>>;
let tree: Awaited<ReturnType<typeof standardTree>>;
let admin: Session;
let secretary: Session;
beforeAll(async () => {
  t = await testApp();
  tree = await standardTree(t.deps);
  await addUser(t.deps, 'district_a', [{ role: 'committee_admin', orgId: tree.districtA }]);
  await addUser(t.deps, 'secretary_a1', [{ role: 'secretary', orgId: tree.branchA1 }]);
  admin = await signIn(t.app, 'district_a');
  secretary = await signIn(t.app, 'secretary_a1');
});
afterAll(() => t.close());

/** Every ID number and phone this file stores (accepted creates only), for the raw-file scan at the end. */
const planted = new Set<string>();
const post = async (s: Session, url: string, payload: object) => {
  const res = await t.app.inject({ method: 'POST', url, headers: s.headers, payload });
  if (url === '/api/members' && res.statusCode === 201) {
    const { idNumber, phone } = payload as { idNumber: string; phone?: string | null };
    planted.add(idNumber);
    if (phone) planted.add(phone);
  }
  return res;
};
const put = (s: Session, url: string, payload: object) => t.app.inject({ method: 'PUT', url, headers: s.headers, payload });
const get = (s: Session, url: string) => t.app.inject({ method: 'GET', url, headers: s.headers });

describe('member records', () => {
  it('creates a record, shows it masked, and starts its timeline', async () => {
    const body = memberBody(tree.branchA1, { name: '张三丰', phone: '13812345678' });
    const res = await post(secretary, '/api/members', body);
    expect(res.statusCode).toBe(201);
    const id = res.json().id;
    const detail = await get(secretary, `/api/members/${id}`);
    expect(detail.statusCode).toBe(200);
    expect(detail.json()).toMatchObject({
      name: '张三丰',
      idNumberMasked: `${body.idNumber.slice(0, 3)}***********${body.idNumber.slice(-4)}`,
      phoneMasked: '138****5678',
      abilities: { manage: true, reveal: true },
    });
    expect(detail.body).not.toContain(body.idNumber);
    expect(detail.body).not.toContain('13812345678');
    const timeline = await get(secretary, `/api/members/${id}/timeline`);
    expect(timeline.json().items[0]).toMatchObject({ action: 'create', actorName: 'secretary_a1' });
  });

  it.each([
    [{ idNumber: '110105194912310021' }, 'idNumber', '校验位'],
    [{ birthDate: '1990-05-18', idNumber: validIdNumber('1990-05-17') }, 'birthDate', '身份证号中为 1990-05-17'],
    [{ phone: '1234' }, 'phone', '手机号'],
    [{ joinedOn: '2008-05-16', fullOn: '2009-06-01' }, 'joinedOn', '未满18周岁'],
    [{ fullOn: '2015-06-30' }, 'fullOn', '应晚于入党时间'],
    [{ name: '' }, 'name', '姓名'],
    [{ ethnicity: '火星族' }, 'ethnicity', '民族'],
  ])('refuses %o naming %s', async (change, field, words) => {
    const res = await post(secretary, '/api/members', memberBody(tree.branchA1, change as object));
    expect(res.statusCode).toBe(400);
    const fields = res.json().error.fields as { path: string; message: string }[];
    expect(fields.find((f) => f.path === field)?.message).toContain(words);
  });

  it('refuses a second active record for the same ID number, naming it only inside scope', async () => {
    const body = memberBody(tree.branchA1, { name: '李重复' });
    expect((await post(secretary, '/api/members', body)).statusCode).toBe(201);
    const again = await post(secretary, '/api/members', { ...body, name: '李再来' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toContain('李重复');
    await addUser(t.deps, 'district_b', [{ role: 'committee_admin', orgId: tree.districtB }]);
    const other = await signIn(t.app, 'district_b');
    const outside = await post(other, '/api/members', { ...body, orgId: tree.branchB1, name: '李再来' });
    expect(outside.statusCode).toBe(409);
    expect(outside.json().error.message).not.toContain('李重复');
    expect(outside.json().error.message).toContain('转接');
  });

  it('refuses to place members in a committee or a group', async () => {
    for (const orgId of [tree.districtA, tree.groupA1]) {
      const res = await post(admin, '/api/members', memberBody(orgId));
      expect(res.statusCode).toBe(400);
      expect(res.json().error.fields[0].path).toBe('orgId');
    }
  });

  it('edits with a reason and a version; the timeline shows what changed, masked', async () => {
    const body = memberBody(tree.branchA1, { name: '王修改' });
    const id = (await post(secretary, '/api/members', body)).json().id;
    const { idNumber, phone, orgId, ...rest } = body;
    const newId = validIdNumber(body.birthDate);
    const res = await put(secretary, `/api/members/${id}`, {
      ...rest,
      idNumber: newId,
      position: '技术总监',
      version: 1,
      reason: '职务调整',
    });
    expect(res.statusCode).toBe(200);
    const stale = await put(secretary, `/api/members/${id}`, { ...rest, version: 1, reason: '再改一次' });
    expect(stale.statusCode).toBe(409);
    const entry = (await get(secretary, `/api/members/${id}/timeline`)).json().items[0];
    expect(entry).toMatchObject({ action: 'update', reason: '职务调整' });
    expect(entry.changes).toContainEqual({ field: '职务', before: '工程师', after: '技术总监' });
    expect(entry.changes).toContainEqual({
      field: '身份证号',
      before: expect.stringContaining('*'),
      after: expect.stringContaining('*'),
    });
    expect(JSON.stringify(entry)).not.toContain(newId);
    // The phone was not sent: it stays as it was.
    expect((await get(secretary, `/api/members/${id}`)).json().phoneMasked).toBe(`${phone!.slice(0, 3)}****${phone!.slice(-4)}`);
  });

  it('archives without deleting: off the active list, still readable with its history', async () => {
    const id = (await post(secretary, '/api/members', memberBody(tree.branchA1, { name: '赵归档' }))).json().id;
    const res = await post(secretary, `/api/members/${id}/archive`, { reason: 'deceased', on: '2026-01-02' });
    expect(res.statusCode).toBe(200);
    const active = await get(secretary, `/api/members?q=${encodeURIComponent('赵归档')}`);
    expect(active.json().total).toBe(0);
    const archived = await get(secretary, `/api/members?archived=true&q=${encodeURIComponent('赵归档')}`);
    expect(archived.json().items[0].id).toBe(id);
    expect((await get(secretary, `/api/members/${id}/timeline`)).json().items[0].reason).toContain('去世');
    expect((await post(secretary, `/api/members/${id}/archive`, { reason: 'left', on: '2026-01-03' })).statusCode).toBe(409);
  });
});

describe('member lists', () => {
  beforeAll(async () => {
    for (const [name, orgId] of [
      ['张小三', tree.branchA1],
      ['章三', tree.branchA2],
      ['周山', tree.branchB1],
    ] as const) {
      await post(admin, '/api/members', memberBody(orgId, { name }));
    }
  });

  it('searches by initials and pinyin within scope', async () => {
    const byInitials = await get(admin, '/api/members?q=zxs');
    expect(byInitials.json().items.map((m: { name: string }) => m.name)).toEqual(['张小三']);
    const byPinyin = await get(admin, '/api/members?q=zhang');
    expect(
      byPinyin
        .json()
        .items.map((m: { name: string }) => m.name)
        .sort(),
    ).toEqual(['张三丰', '张小三', '章三'].sort());
  });

  it('finds a member by exact ID number through the blind index', async () => {
    const body = memberBody(tree.branchA2, { name: '钱身份' });
    await post(admin, '/api/members', body);
    const res = await get(admin, `/api/members?q=${body.idNumber}`);
    expect(res.json().items.map((m: { name: string }) => m.name)).toEqual(['钱身份']);
    expect(res.body).not.toContain(body.idNumber);
  });

  it('pages with a total, and a secretary sees only its branch', async () => {
    const all = (await get(admin, '/api/members?pageSize=2')).json();
    expect(all.items).toHaveLength(2);
    expect(all.total).toBeGreaterThan(2);
    const page2 = (await get(admin, '/api/members?pageSize=2&page=2')).json();
    expect(page2.items[0].id).not.toBe(all.items[0].id);
    const own = (await get(secretary, '/api/members?pageSize=100')).json();
    expect(own.items.length).toBeGreaterThan(0);
    expect(own.items.every((m: { orgId: string }) => m.orgId === tree.branchA1)).toBe(true);
    expect(own.items.some((m: { name: string }) => m.name === '周山')).toBe(false);
  });

  it('filters by age band, join year and status', async () => {
    await post(
      admin,
      '/api/members',
      memberBody(tree.branchA2, { name: '孙年轻', birthDate: '2000-01-01', joinedOn: '2020-03-01', fullOn: '2021-03-02' }),
    );
    const young = (await get(admin, '/api/members?ageBand=to30')).json();
    expect(young.items.map((m: { name: string }) => m.name)).toEqual(['孙年轻']);
    const joined2020 = (await get(admin, '/api/members?joinYear=2020')).json();
    expect(joined2020.items.map((m: { name: string }) => m.name)).toEqual(['孙年轻']);
    expect((await get(admin, '/api/members?status=probationary')).json().total).toBe(0);
  });

  it('rejects unknown sort keys and oversize pages (IN-03, IN-08)', async () => {
    expect((await get(admin, '/api/members?sort=name;drop table member')).statusCode).toBe(400);
    expect((await get(admin, '/api/members?pageSize=1000')).statusCode).toBe(400);
  });
});

describe('personal data (DP-02, AZ-05)', () => {
  it('reveals with the password and a reason, audited; a wrong password is refused and audited', async () => {
    const body = memberBody(tree.branchA1, { name: '吴查看', phone: '13900001111' });
    const id = (await post(secretary, '/api/members', body)).json().id;
    const wrong = await post(secretary, `/api/members/${id}/reveal`, { password: 'not-it', reason: '核对组织关系' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.fields[0].path).toBe('password');
    const noReason = await post(secretary, `/api/members/${id}/reveal`, { password: PASSWORD, reason: '' });
    expect(noReason.statusCode).toBe(400);
    const res = await post(secretary, `/api/members/${id}/reveal`, { password: PASSWORD, reason: '核对组织关系' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ idNumber: body.idNumber, phone: '13900001111' });
    const audit = await t.deps.db
      .selectFrom('audit_log')
      .select(['result', 'detail'])
      .where('type', '=', 'member.reveal')
      .where('object_id', '=', id)
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.result)).toEqual(['failed', 'success']);
    expect(JSON.parse(audit[1]!.detail).reason).toBe('核对组织关系');
    expect(audit.map((a) => a.detail).join()).not.toContain(body.idNumber);
  });

  it.skipIf(engine !== 'sqlite')('no stored ID number or phone appears in plaintext in the database file or its WAL', () => {
    const file = path.join(t.dir, 'tongxin.db');
    const text = [file, `${file}-wal`]
      .filter((f) => fs.existsSync(f))
      .map((f) => fs.readFileSync(f).toString('latin1'))
      .join('');
    expect(planted.size).toBeGreaterThan(15);
    expect([...planted].filter((value) => text.includes(value))).toEqual([]);
    // The scan itself can see: names are stored in plaintext.
    expect(text).toContain(Buffer.from('吴查看').toString('latin1'));
  });
});
