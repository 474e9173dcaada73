import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { beijingDate } from '../src/platform/clock.js';
import { enterpriseBody } from './enterprises.support.js';
import { cleanRow, ledgerWorkbook, settled, upload } from './fixtures/ledger-files.js';
import { memberBody, validIdNumber } from './members.support.js';
import { addUser, type Session, signIn, standardTree, testApp } from './support.js';

/** Issue #3 point 1: a member's employer is an enterprise of the registry (linked) or free text. */
let t: Awaited<ReturnType<typeof testApp>>;
let tree: Awaited<ReturnType<typeof standardTree>>;
let admin: Session;
let secretary: Session;
let adminB: Session;
/** Enterprises: in district A covered by branch A1, in district A uncovered, in district B, one archived. */
const ent = {} as Record<'covered' | 'uncovered' | 'other' | 'archived', { id: string; name: string }>;

const send = (s: Session, method: 'POST' | 'PUT' | 'GET', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: s.headers, ...(payload ? { payload } : {}) });

async function enterprise(s: Session, areaOrgId: string, name: string, coveringOrgId: string | null = null) {
  const res = await send(s, 'POST', '/api/enterprises', enterpriseBody(areaOrgId, { name, coveringOrgId }));
  expect(res.statusCode, res.body).toBe(201);
  return { id: res.json().id as string, name };
}

beforeAll(async () => {
  t = await testApp();
  tree = await standardTree(t.deps);
  await addUser(t.deps, 'emp_admin_a', [{ role: 'committee_admin', orgId: tree.districtA }]);
  await addUser(t.deps, 'emp_admin_b', [{ role: 'committee_admin', orgId: tree.districtB }]);
  await addUser(t.deps, 'emp_secretary', [{ role: 'secretary', orgId: tree.branchA1 }]);
  admin = await signIn(t.app, 'emp_admin_a');
  adminB = await signIn(t.app, 'emp_admin_b');
  secretary = await signIn(t.app, 'emp_secretary');
  ent.covered = await enterprise(admin, tree.districtA, '甲一科技有限公司', tree.branchA1);
  ent.uncovered = await enterprise(admin, tree.districtA, '甲区云算有限公司');
  ent.other = await enterprise(adminB, tree.districtB, '乙区传媒有限公司');
  ent.archived = await enterprise(admin, tree.districtA, '甲区旧厂有限公司');
  const archived = await send(admin, 'POST', `/api/enterprises/${ent.archived.id}/archive`, { reason: '企业已注销' });
  expect(archived.statusCode, archived.body).toBeLessThan(300);
});
afterAll(() => t.close());

const stored = (id: string) =>
  t.deps.db.selectFrom('member').select(['enterprise_id', 'employer_name']).where('id', '=', id).executeTakeFirstOrThrow();

async function create(s: Session, overrides: object) {
  const res = await send(s, 'POST', '/api/members', memberBody(tree.branchA1, overrides));
  return res;
}

describe('employer on create', () => {
  it('links a visible enterprise and stores its registry name, whatever name was typed', async () => {
    const res = await create(secretary, { name: '王联企', enterpriseId: ent.covered.id, employerName: '随手写的名字' });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id;
    expect(await stored(id)).toEqual({ enterprise_id: ent.covered.id, employer_name: ent.covered.name });
    const detail = (await send(secretary, 'GET', `/api/members/${id}`)).json();
    expect(detail).toMatchObject({ employerName: ent.covered.name, enterpriseId: ent.covered.id, employerLinkVisible: true });
    const audit = await t.deps.db
      .selectFrom('audit_log')
      .select('detail')
      .where('object_id', '=', id)
      .where('type', '=', 'member.create')
      .executeTakeFirstOrThrow();
    expect(String(audit.detail)).toContain(ent.covered.id);
  });

  it('keeps free text with no link when no enterprise is given', async () => {
    const res = await create(secretary, { name: '李自填', employerName: '某个小作坊' });
    expect(res.statusCode, res.body).toBe(201);
    expect(await stored(res.json().id)).toEqual({ enterprise_id: null, employer_name: '某个小作坊' });
    expect((await send(secretary, 'GET', `/api/members/${res.json().id}`)).json()).toMatchObject({
      enterpriseId: null,
      employerLinkVisible: false,
    });
  });

  it.each([
    ['an enterprise the secretary’s branch does not cover', 'uncovered', '不在您可查看的企业名录中'],
    ['another district’s enterprise', 'other', '不在您可查看的企业名录中'],
  ] as const)('refuses %s, naming enterpriseId, and stores nothing', async (_label, key, words) => {
    const before = await t.deps.db
      .selectFrom('member')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    const res = await create(secretary, { name: '赵越界', enterpriseId: ent[key].id });
    expect(res.statusCode).toBe(400);
    const fields = res.json().error.fields as { path: string; message: string }[];
    expect(fields.find((f) => f.path === 'enterpriseId')?.message).toContain(words);
    expect(res.body).not.toContain(ent[key].name);
    const after = await t.deps.db
      .selectFrom('member')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('refuses an archived enterprise even to its committee admin, and a malformed id', async () => {
    const archived = await create(admin, { name: '钱归档', enterpriseId: ent.archived.id });
    expect(archived.statusCode).toBe(400);
    expect(archived.json().error.fields[0]).toMatchObject({
      path: 'enterpriseId',
      message: expect.stringContaining('已从企业名录归档'),
    });
    const malformed = await create(admin, { name: '钱格式', enterpriseId: 'abc' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.fields[0].path).toBe('enterpriseId');
  });

  it('the district admin may link an enterprise its branches do not cover', async () => {
    const res = await create(admin, { name: '孙区管', enterpriseId: ent.uncovered.id });
    expect(res.statusCode, res.body).toBe(201);
    expect((await stored(res.json().id)).enterprise_id).toBe(ent.uncovered.id);
    // The secretary manages the member but cannot open that enterprise: the page shows the name, not a link.
    expect((await send(secretary, 'GET', `/api/members/${res.json().id}`)).json()).toMatchObject({
      employerName: ent.uncovered.name,
      enterpriseId: ent.uncovered.id,
      employerLinkVisible: false,
    });
  });
});

describe('employer on edit', () => {
  async function edit(s: Session, id: string, change: object) {
    const detail = (await send(s, 'GET', `/api/members/${id}`)).json();
    const { idNumber: _i, phone: _p, orgId: _o, ...body } = memberBody(tree.branchA1, { name: detail.name });
    return send(s, 'PUT', `/api/members/${id}`, {
      ...body,
      birthDate: detail.birthDate,
      gender: detail.gender,
      employerName: detail.employerName,
      enterpriseId: detail.enterpriseId,
      version: detail.version,
      reason: '更正工作单位',
      ...change,
    });
  }

  it('links, relinks and unlinks, each change in the timeline and the audit detail', async () => {
    const birth = '1988-03-04';
    const res = await create(secretary, {
      name: '周换岗',
      employerName: '甲一科技有限公司',
      birthDate: birth,
      idNumber: validIdNumber(birth),
    });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id;

    // Same name, now linked: the timeline shows where the employer comes from.
    const linked = await edit(secretary, id, { enterpriseId: ent.covered.id });
    expect(linked.statusCode, linked.body).toBe(200);
    expect(await stored(id)).toEqual({ enterprise_id: ent.covered.id, employer_name: ent.covered.name });
    const timeline = (await send(secretary, 'GET', `/api/members/${id}/timeline`)).json().items;
    const latest = timeline.find((e: { action: string }) => e.action === 'update');
    expect(latest.changes).toEqual([{ field: '工作单位来源', before: '手工填写', after: '企业名录' }]);
    const audit = await t.deps.db
      .selectFrom('audit_log')
      .select('detail')
      .where('object_id', '=', id)
      .where('type', '=', 'member.update')
      .executeTakeFirstOrThrow();
    expect(String(audit.detail)).toContain('企业名录');

    // Unlinked to free text.
    const unlinked = await edit(secretary, id, { enterpriseId: null, employerName: '自主创业' });
    expect(unlinked.statusCode, unlinked.body).toBe(200);
    expect(await stored(id)).toEqual({ enterprise_id: null, employer_name: '自主创业' });
    const items = (await send(secretary, 'GET', `/api/members/${id}/timeline`)).json().items;
    const changes = items
      .filter((e: { action: string }) => e.action === 'update')
      .flatMap((e: { changes: unknown[] }) => e.changes);
    expect(changes).toContainEqual({ field: '工作单位', before: ent.covered.name, after: '自主创业' });
    expect(changes).toContainEqual({ field: '工作单位来源', before: '企业名录', after: '手工填写' });

    // An invisible enterprise is refused on edit too.
    const refused = await edit(secretary, id, { enterpriseId: ent.other.id });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('enterpriseId');
    expect(refused.json().error.fields[0].path).toBe('enterpriseId');
  });

  it('a record whose enterprise was archived later can still be edited, keeping its link', async () => {
    const later = await enterprise(admin, tree.districtA, '甲区将停有限公司', tree.branchA1);
    const res = await create(secretary, { name: '吴留任', enterpriseId: later.id });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id;
    expect((await send(admin, 'POST', `/api/enterprises/${later.id}/archive`, { reason: '企业已迁出' })).statusCode).toBeLessThan(
      300,
    );
    const edited = await edit(secretary, id, { position: '工程师' });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(await stored(id)).toEqual({ enterprise_id: later.id, employer_name: later.name });
  });
});

describe('employer on import', () => {
  it('links a cell that exactly names one visible enterprise; anything else stays free text with no report error', async () => {
    await enterprise(admin, tree.districtA, '甲区同名有限公司');
    await enterprise(admin, tree.districtA, '甲区同名有限公司 ');
    const rows = [
      ['郑精确', '1980-01-02', ent.uncovered.name],
      ['冯近似', '1981-02-03', '甲区云算'],
      ['陈他区', '1982-03-04', ent.other.name],
      ['褚归档', '1983-04-05', ent.archived.name],
      ['卫空白', '1984-05-06', ''],
      ['蒋两家', '1985-06-07', '甲区同名有限公司'],
    ] as const;
    const file = await ledgerWorkbook(
      rows.map(([name, birth, employer]) =>
        cleanRow('甲一科技有限公司党支部', validIdNumber(birth), { 姓名: name, 工作单位: employer }),
      ),
    );
    const res = await upload(t.app, admin.headers, '工作单位.xlsx', file);
    expect(res.statusCode, res.body).toBe(202);
    const report = await settled(t.app, admin.headers, res.json().id);
    expect(report.errorRows).toBe(0);
    const confirm = await send(admin, 'POST', `/api/members/import/${report.id}/confirm`);
    expect(confirm.statusCode, confirm.body).toBe(200);
    const members = await t.deps.db
      .selectFrom('member')
      .select(['name', 'enterprise_id', 'employer_name'])
      .where(
        'name',
        'in',
        rows.map((r) => r[0]),
      )
      .execute();
    const byName = Object.fromEntries(members.map((m) => [m.name, m]));
    expect(byName.郑精确).toMatchObject({ enterprise_id: ent.uncovered.id, employer_name: ent.uncovered.name });
    expect(byName.冯近似).toMatchObject({ enterprise_id: null, employer_name: '甲区云算' });
    expect(byName.陈他区).toMatchObject({ enterprise_id: null, employer_name: ent.other.name });
    expect(byName.褚归档).toMatchObject({ enterprise_id: null, employer_name: ent.archived.name });
    expect(byName.卫空白).toMatchObject({ enterprise_id: null, employer_name: null });
    expect(byName.蒋两家).toMatchObject({ enterprise_id: null, employer_name: '甲区同名有限公司' });
  });
});

describe('employer of a member arriving from outside the city', () => {
  it('is free text: the incoming record refuses a registry link, which is made later on the member record', async () => {
    const { orgId: _o, ...fields } = memberBody(tree.branchA1, { name: '韩外来', enterpriseId: ent.covered.id });
    const body = {
      direction: 'in',
      toOrgId: tree.branchA1,
      externalOrgName: '中共重庆市渝北区某网络公司支部委员会',
      crossProvince: true,
      letterNo: '泸组转〔2026〕901号',
      issuedOn: beijingDate(t.deps.clock.now()),
      reason: 'job_change',
      member: fields,
    };
    const refused = await send(admin, 'POST', '/api/transfers', body);
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('enterpriseId');
    const { enterpriseId: _e, ...member } = body.member;
    const accepted = await send(admin, 'POST', '/api/transfers', { ...body, member });
    expect(accepted.statusCode, accepted.body).toBe(201);
  });
});
