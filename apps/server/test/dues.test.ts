import type { DuesSheet, DuesSheetRow } from '@tongxin/contracts';
import ExcelJS from 'exceljs';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memberBody } from './members.support.js';
import { addUser, type Session, signIn, standardTree, testApp } from './support.js';

let t: Awaited<ReturnType<typeof testApp>>;
let tree: Awaited<ReturnType<typeof standardTree>>;
let secretary: Session;
let districtA: Session;
let districtB: Session;
let city: Session;
const ids = {} as Record<string, string>;

const MONTH = '2026-03';

async function call(s: Session, method: string, url: string, payload?: object) {
  return t.app.inject({ method: method as 'GET', url, headers: s.headers, ...(payload ? { payload } : {}) });
}

async function create(name: string, orgId: string, overrides: Parameters<typeof memberBody>[1] = {}) {
  const res = await call(city, 'POST', '/api/members', memberBody(orgId, { name, ...overrides }));
  expect(res.statusCode, res.body).toBe(201);
  ids[name] = res.json().id;
  return res.json().id as string;
}

async function setProfile(name: string, body: object) {
  const res = await call(secretary, 'PUT', `/api/dues/members/${ids[name]}/profile`, body);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

/** A payment written straight into the fixture (months outside the make-up window cannot be recorded any more). */
async function paid(name: string, month: string, fen: number) {
  await t.deps.db
    .insertInto('dues_payment')
    .values({
      id: uuidv7(),
      member_id: ids[name]!,
      org_id: tree.branchA1,
      month,
      amount_fen: fen,
      due_fen: fen,
      paid_on: `${month}-05`,
      note: null,
      large: 0,
      recorded_at: new Date().toISOString(),
      recorded_by: null,
      recorded_by_name: 'fixture',
      revoked_at: null,
      revoked_by_name: null,
      revoke_reason: null,
    })
    .execute();
}

async function sheet(orgId: string, month = MONTH): Promise<DuesSheet> {
  const res = await call(districtA, 'GET', `/api/dues/sheet?orgId=${orgId}&month=${month}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}
const rowOf = (s: DuesSheet, name: string) => s.items.find((r) => r.name === name) as DuesSheetRow;

const paymentCount = async (month: string) =>
  Number(
    (
      await t.deps.db
        .selectFrom('dues_payment')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('month', '=', month)
        .where('revoked_at', 'is', null)
        .executeTakeFirstOrThrow()
    ).n,
  );

beforeAll(async () => {
  t = await testApp();
  // 15 March 2026, noon in Beijing.
  t.clock.set('2026-03-15T04:00:00Z');
  tree = await standardTree(t.deps);
  await addUser(t.deps, 'd_secretary', [{ role: 'secretary', orgId: tree.branchA1 }]);
  await addUser(t.deps, 'd_districtA', [{ role: 'committee_admin', orgId: tree.districtA }]);
  await addUser(t.deps, 'd_districtB', [{ role: 'committee_admin', orgId: tree.districtB }]);
  await addUser(t.deps, 'd_city', [{ role: 'committee_admin', orgId: tree.city }]);
  secretary = await signIn(t.app, 'd_secretary');
  districtA = await signIn(t.app, 'd_districtA');
  districtB = await signIn(t.app, 'd_districtB');
  city = await signIn(t.app, 'd_city');

  // The hand-computed fixture: branchA1 in March 2026.
  await create('王甲', tree.branchA1);
  await create('李乙', tree.branchA1);
  await create('张丙', tree.branchA1);
  await create('赵丁', tree.branchA1);
  await create('钱戊', tree.branchA1, { status: 'probationary', joinedOn: '2026-01-10', fullOn: null });
  await create('孙己', tree.branchA1);
  await create('周庚', tree.branchA2);
  await setProfile('王甲', { category: 'employee', baseFen: 300_000, fromMonth: '2020-01' }); // 3000.00 → 0.5% = 15.00
  await setProfile('李乙', { category: 'employee', baseFen: 300_001, fromMonth: '2020-01' }); // 3000.01 → 1% = 30.00
  await setProfile('张丙', { category: 'retiree', baseFen: 500_001, fromMonth: '2020-01' }); // 5000.01 → 1% = 50.00
  await setProfile('赵丁', { category: 'student', baseFen: null, fromMonth: '2020-01' }); // 0.20
  await setProfile('孙己', { category: 'employee', baseFen: 1_200_000, fromMonth: '2020-01' }); // 12000 → 2% = 240.00
  await paid('王甲', '2026-02', 1500);
  await paid('李乙', '2025-12', 3000); // then January, February, March unpaid: 3 → warning
  await paid('张丙', '2026-02', 5000); // March unpaid: 1
  await paid('赵丁', '2025-09', 20); // October to March unpaid: 6 → 自行脱党 review
  // 孙己: exempt for February and March by an approved reduction.
  const asked = await call(secretary, 'POST', '/api/dues/reductions', {
    memberId: ids.孙己,
    fromMonth: '2026-02',
    toMonth: '2026-03',
    amountFen: 0,
    reason: '家庭遭遇重大变故，生活困难',
  });
  expect(asked.statusCode, asked.body).toBe(201);
  expect(
    (await call(districtA, 'POST', `/api/dues/reductions/${asked.json().id}/decide`, { decision: 'approved' })).statusCode,
  ).toBe(200);
  await paid('孙己', '2026-01', 24_000);
  // 王甲 pays March through the API, the amount defaulting to what is due.
  const res = await call(secretary, 'POST', '/api/dues/payments', {
    orgId: tree.branchA1,
    month: MONTH,
    paidOn: '2026-03-10',
    items: [{ memberId: ids.王甲 }],
  });
  expect(res.statusCode, res.body).toBe(201);
  expect(res.json()).toEqual({ count: 1, totalFen: 1500, largeCount: 0 });
});
afterAll(() => t.close());

describe('the monthly sheet (against a hand-computed fixture)', () => {
  it('lists the branch subtree only, with amounts, payments, reductions and arrears', async () => {
    const s = await sheet(tree.branchA1);
    expect(s.items.map((r) => r.name).sort()).toEqual(['孙己', '张丙', '李乙', '王甲', '赵丁', '钱戊'].sort());
    const pick = (name: string) => {
      const r = rowOf(s, name);
      return [r.category, r.baseFen, r.standardFen, r.dueFen, r.payment?.amountFen ?? null, r.arrearsMonths, r.arrearsLevel];
    };
    expect(pick('王甲')).toEqual(['employee', 300_000, 1500, 1500, 1500, 0, 'none']);
    expect(pick('李乙')).toEqual(['employee', 300_001, 3000, 3000, null, 3, 'warning']);
    expect(pick('张丙')).toEqual(['retiree', 500_001, 5000, 5000, null, 1, 'none']);
    expect(pick('赵丁')).toEqual(['student', null, 20, 20, null, 6, 'lapse']);
    // Probationary since January, no profile yet: nothing computed, but the months are counted from admission.
    expect(pick('钱戊')).toEqual([null, null, null, null, null, 3, 'warning']);
    expect(rowOf(s, '钱戊').startMonth).toBe('2026-01');
    // Exempt in March by the approved reduction: nothing due, so no arrears.
    expect(pick('孙己')).toEqual(['employee', 1_200_000, 24_000, 0, null, 0, 'none']);
    expect(rowOf(s, '孙己').reduction?.amountFen).toBe(0);
    expect(rowOf(s, '王甲').payment).toMatchObject({ paidOn: '2026-03-10', large: false, note: null });
    expect(s.totals).toEqual({
      members: 6,
      dueFen: 1500 + 3000 + 5000 + 20 + 0,
      paidFen: 1500,
      outstandingFen: 3000 + 5000 + 20,
      paidCount: 1,
      unsetCount: 1,
      warningCount: 2,
      lapseCount: 1,
    });
    expect(s.abilities).toEqual({ record: true, recordReason: null });
    expect(s.orgName).toBe('甲一科技有限公司党支部');
  });

  it('a month before admission leaves the probationary member off the sheet', async () => {
    const s = await sheet(tree.branchA1, '2025-12');
    expect(s.items.map((r) => r.name)).not.toContain('钱戊');
    expect(rowOf(s, '李乙').payment?.amountFen).toBe(3000);
    // Three months back may still be made up; eight may not.
    expect(s.abilities.record).toBe(true);
    expect((await sheet(tree.branchA1, '2025-07')).abilities).toEqual({
      record: false,
      recordReason: '补缴党费最多补缴6个月（最早 2025-09）',
    });
  });

  it('the district sees the sum of its branches; another district is refused', async () => {
    const s = await sheet(tree.districtA);
    expect(s.items.map((r) => r.name)).toContain('周庚');
    expect(s.totals.members).toBe(7);
    expect((await call(districtB, 'GET', `/api/dues/sheet?orgId=${tree.branchA1}&month=${MONTH}`)).statusCode).toBe(404);
  });
});

describe('recording payments', () => {
  it('a batch with one bad row writes nothing and names the row', async () => {
    const before = await paymentCount('2026-01');
    const audits = await t.deps.db.selectFrom('audit_log').select('seq').where('type', '=', 'dues.payment').execute();
    const res = await call(secretary, 'POST', '/api/dues/payments', {
      orgId: tree.branchA1,
      month: '2026-01',
      paidOn: '2026-03-12',
      items: [{ memberId: ids.李乙 }, { memberId: ids.张丙 }, { memberId: ids.周庚 }],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual([{ path: 'items.2.memberId', message: '该党员不在本组织的党员名册中' }]);
    expect(await paymentCount('2026-01')).toBe(before);
    const after = await t.deps.db.selectFrom('audit_log').select('seq').where('type', '=', 'dues.payment').execute();
    expect(after.length).toBe(audits.length);
  });

  it('the same batch without the bad row is recorded whole, and the sheet totals follow', async () => {
    const res = await call(secretary, 'POST', '/api/dues/payments', {
      orgId: tree.branchA1,
      month: '2026-01',
      paidOn: '2026-03-12',
      items: [{ memberId: ids.李乙 }, { memberId: ids.张丙 }],
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toEqual({ count: 2, totalFen: 8000, largeCount: 0 });
    const audit = await t.deps.db
      .selectFrom('audit_log')
      .select(['detail', 'org_id', 'actor_name'])
      .where('type', '=', 'dues.payment')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ org_id: tree.branchA1, actor_name: 'd_secretary' });
    expect(JSON.parse(audit.detail)).toEqual({ month: '2026-01', paidOn: '2026-03-12', count: 2, totalFen: 8000, largeCount: 0 });
    const s = await sheet(tree.branchA1, '2026-01');
    expect(rowOf(s, '李乙').payment).toMatchObject({ amountFen: 3000, paidOn: '2026-03-12' });
    // 李乙 paid January: in March the run is now February and March only.
    expect(rowOf(await sheet(tree.branchA1), '李乙')).toMatchObject({ arrearsMonths: 2, arrearsLevel: 'none' });
  });

  it('refuses a second payment for the same month, until the first is revoked with a reason', async () => {
    const body = { orgId: tree.branchA1, month: '2026-01', paidOn: '2026-03-13', items: [{ memberId: ids.李乙 }] };
    const again = await call(secretary, 'POST', '/api/dues/payments', body);
    expect(again.statusCode).toBe(400);
    expect(again.json().error.fields[0].message).toContain('党费已登记');
    const paymentId = rowOf(await sheet(tree.branchA1, '2026-01'), '李乙').payment!.id;
    expect((await call(secretary, 'POST', `/api/dues/payments/${paymentId}/revoke`, { reason: '' })).statusCode).toBe(400);
    expect((await call(secretary, 'POST', `/api/dues/payments/${paymentId}/revoke`, { reason: '金额登记错误' })).statusCode).toBe(
      200,
    );
    expect((await call(secretary, 'POST', `/api/dues/payments/${paymentId}/revoke`, { reason: '再次撤销' })).statusCode).toBe(
      409,
    );
    expect(rowOf(await sheet(tree.branchA1, '2026-01'), '李乙').payment).toBeNull();
    expect((await call(secretary, 'POST', '/api/dues/payments', body)).statusCode).toBe(201);
    const audit = await t.deps.db
      .selectFrom('audit_log')
      .select('detail')
      .where('type', '=', 'dues.payment_revoke')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.detail)).toMatchObject({ month: '2026-01', amountFen: 3000, reason: '金额登记错误' });
  });

  it('an amount other than the one due needs a note; 1000 元 or more is flagged 大额党费', async () => {
    const base = { orgId: tree.branchA1, month: '2026-02', paidOn: '2026-03-14' };
    const bare = await call(secretary, 'POST', '/api/dues/payments', {
      ...base,
      items: [{ memberId: ids.李乙, amountFen: 100_000 }],
    });
    expect(bare.statusCode).toBe(400);
    expect(bare.json().error.fields).toEqual([{ path: 'items.0.note', message: '李乙缴纳金额与应缴¥30.00不同，请填写说明' }]);
    const res = await call(secretary, 'POST', '/api/dues/payments', {
      ...base,
      items: [{ memberId: ids.李乙, amountFen: 100_000, note: '=HYPERLINK("http://x")自愿多交' }],
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toEqual({ count: 1, totalFen: 100_000, largeCount: 1 });
    expect(rowOf(await sheet(tree.branchA1, '2026-02'), '李乙').payment).toMatchObject({ amountFen: 100_000, large: true });
  });

  it('keeps to the make-up window and the calendar', async () => {
    const item = [{ memberId: ids.赵丁 }];
    const post = (month: string, paidOn: string) =>
      call(secretary, 'POST', '/api/dues/payments', { orgId: tree.branchA1, month, paidOn, items: item });
    const tooOld = await post('2025-08', '2026-03-01');
    expect(tooOld.json().error.fields).toEqual([{ path: 'month', message: '补缴党费最多补缴6个月（最早 2025-09）' }]);
    expect((await post('2026-04', '2026-03-01')).json().error.fields[0].path).toBe('month');
    expect((await post('2026-03', '2026-03-16')).json().error.fields).toEqual([
      { path: 'paidOn', message: '缴纳日期不能晚于今天' },
    ]);
    expect((await post('2026-03', '2026-02-28')).json().error.fields[0].path).toBe('paidOn');
    // A probationary member pays from admission: December is before it.
    const early = await call(secretary, 'POST', '/api/dues/payments', {
      orgId: tree.branchA1,
      month: '2025-12',
      paidOn: '2026-03-01',
      items: [{ memberId: ids.钱戊, amountFen: 20 }],
    });
    expect(early.json().error.fields[0]).toEqual({ path: 'items.0.memberId', message: '钱戊自2026-01起缴纳党费，此前无须登记' });
    // No profile: the amount must be given.
    const unset = await call(secretary, 'POST', '/api/dues/payments', {
      orgId: tree.branchA1,
      month: '2026-03',
      paidOn: '2026-03-01',
      items: [{ memberId: ids.钱戊 }],
    });
    expect(unset.json().error.fields[0].path).toBe('items.0.amountFen');
  });
});

describe('dues profiles', () => {
  it('a new base applies from its month on; earlier months keep the old amount', async () => {
    await create('吴辛', tree.branchA2);
    const put = (body: object) => call(districtA, 'PUT', `/api/dues/members/${ids.吴辛}/profile`, body);
    expect((await put({ category: 'employee', baseFen: 450_000, fromMonth: '2024-01' })).json()).toEqual({ monthlyFen: 4500 });
    expect((await put({ category: 'employee', baseFen: 600_000, fromMonth: '2026-03' })).json()).toEqual({ monthlyFen: 9000 });
    expect(rowOf(await sheet(tree.branchA2, '2026-02'), '吴辛').dueFen).toBe(4500);
    expect(rowOf(await sheet(tree.branchA2, '2026-03'), '吴辛')).toMatchObject({ dueFen: 9000, profileFrom: '2026-03' });
    const history = await call(districtA, 'GET', `/api/dues/members/${ids.吴辛}`);
    expect(history.json().profiles.map((p: { fromMonth: string; monthlyFen: number }) => [p.fromMonth, p.monthlyFen])).toEqual([
      ['2026-03', 9000],
      ['2024-01', 4500],
    ]);
  });

  it('names the field at fault', async () => {
    const put = (body: object) => call(districtA, 'PUT', `/api/dues/members/${ids.吴辛}/profile`, body);
    const missing = await put({ category: 'employee', baseFen: null, fromMonth: '2026-03' });
    expect(missing.json().error.fields).toEqual([{ path: 'baseFen', message: '在职党员须填写月收入基数' }]);
    const farmer = await put({ category: 'farmer', baseFen: null, fixedFen: 150, fromMonth: '2026-03' });
    expect(farmer.json().error.fields).toEqual([{ path: 'fixedFen', message: '农民党员每月缴纳¥0.20至¥1.00' }]);
    const early = await put({ category: 'student', baseFen: null, fromMonth: '2015-01' });
    expect(early.json().error.fields).toEqual([{ path: 'fromMonth', message: '起始月份不能早于入党月份（2015-06）' }]);
    const fraction = await put({ category: 'employee', baseFen: 1.5, fromMonth: '2026-03' });
    expect(fraction.json().error.fields[0].path).toBe('baseFen');
  });
});

describe('hardship reductions: the branch asks, the level above decides', () => {
  let reductionId: string;
  it('the secretary asks; only the district (or above) decides', async () => {
    const res = await call(secretary, 'POST', '/api/dues/reductions', {
      memberId: ids.张丙,
      fromMonth: '2026-03',
      toMonth: '2026-05',
      amountFen: 1000,
      reason: '长期患病，收入下降',
    });
    expect(res.statusCode, res.body).toBe(201);
    reductionId = res.json().id;
    // Pending: the amount due does not change yet.
    expect(rowOf(await sheet(tree.branchA1), '张丙')).toMatchObject({ dueFen: 5000, reductionPending: true });
    const list = await call(secretary, 'GET', '/api/dues/reductions?status=pending');
    expect(list.json().items).toEqual([
      expect.objectContaining({ id: reductionId, memberName: '张丙', abilities: { decide: false } }),
    ]);
    const forDistrict = await call(districtA, 'GET', '/api/dues/reductions?status=pending');
    expect(forDistrict.json().items[0]).toMatchObject({ id: reductionId, abilities: { decide: true } });
    expect((await call(districtB, 'GET', '/api/dues/reductions')).json().items).toEqual([]);
    const decide = (s: Session) => call(s, 'POST', `/api/dues/reductions/${reductionId}/decide`, { decision: 'approved' });
    expect((await decide(secretary)).statusCode).toBe(403);
    expect((await decide(districtB)).statusCode).toBe(404);
    expect((await decide(districtA)).statusCode).toBe(200);
    expect((await decide(city)).statusCode).toBe(409);
    expect(rowOf(await sheet(tree.branchA1), '张丙')).toMatchObject({ standardFen: 5000, dueFen: 1000, reductionPending: false });
    expect(rowOf(await sheet(tree.branchA1, '2026-02'), '张丙').dueFen).toBe(5000);
  });

  it('refuses overlapping requests and amounts not below what is due', async () => {
    const ask = (body: object) =>
      call(secretary, 'POST', '/api/dues/reductions', { memberId: ids.张丙, reason: '生活困难，申请减免', ...body });
    expect((await ask({ fromMonth: '2026-05', toMonth: '2026-06', amountFen: 0 })).statusCode).toBe(409);
    const high = await ask({ fromMonth: '2026-06', toMonth: '2026-06', amountFen: 5000 });
    expect(high.json().error.fields).toEqual([{ path: 'amountFen', message: '减免后金额应低于应缴金额（¥50.00）' }]);
    const reversed = await ask({ fromMonth: '2026-06', toMonth: '2026-05', amountFen: 0 });
    expect(reversed.json().error.fields[0].path).toBe('toMonth');
  });

  it('whoever asked may not decide; a rejection leaves the amount as it was', async () => {
    const profile = await call(districtA, 'PUT', `/api/dues/members/${ids.周庚}/profile`, {
      category: 'employee',
      baseFen: 250_000,
      fromMonth: '2025-01',
    });
    expect(profile.json()).toEqual({ monthlyFen: 1250 });
    const res = await call(districtA, 'POST', '/api/dues/reductions', {
      memberId: ids.周庚,
      fromMonth: '2026-03',
      toMonth: '2026-03',
      amountFen: 0,
      reason: '失业在家，暂无收入',
    });
    expect(res.statusCode, res.body).toBe(201);
    const decide = (s: Session, decision: string) =>
      call(s, 'POST', `/api/dues/reductions/${res.json().id}/decide`, { decision, note: '材料不全' });
    expect((await decide(districtA, 'approved')).json().error.message).toBe('不能审批本人提出的减免申请');
    expect((await decide(city, 'rejected')).statusCode).toBe(200);
    const row = rowOf(await sheet(tree.branchA2), '周庚');
    expect(row).toMatchObject({ dueFen: 1250, reductionPending: false, reduction: null });
    const audit = await t.deps.db
      .selectFrom('audit_log')
      .select(['detail', 'actor_name'])
      .where('type', '=', 'dues.reduction_decide')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit.actor_name).toBe('d_city');
    expect(JSON.parse(audit.detail)).toMatchObject({ decision: 'rejected', note: '材料不全' });
  });
});

describe('export', () => {
  it('downloads the sheet as .xlsx, neutralised, audited with its row count', async () => {
    const res = await call(secretary, 'GET', `/api/dues/sheet/export?orgId=${tree.branchA1}&month=2026-02`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(String(res.headers['content-disposition'])).toContain(encodeURIComponent('党费收缴表'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(String(ws.getCell(1, 1).value)).toBe('甲一科技有限公司党支部 2026-02 党费收缴表');
    expect(ws.getRow(2).values).toContain('应缴金额（元）');
    const rows: unknown[][] = [];
    ws.eachRow((r, n) => {
      if (n > 2) rows.push((r.values as unknown[]).slice(1));
    });
    const li = rows.find((r) => r[1] === '李乙')!;
    expect(li[6]).toBe(30);
    expect(li[8]).toBe(1000);
    expect(li[10]).toBe('是');
    expect(li[11]).toBe(`'=HYPERLINK("http://x")自愿多交`);
    // Six members and the totals row.
    expect(rows).toHaveLength(7);
    expect(rows[6]![1]).toBe('合计');
    const audit = await t.deps.db
      .selectFrom('audit_log')
      .select(['detail', 'org_id'])
      .where('type', '=', 'dues.export')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.detail)).toEqual({ month: '2026-02', rows: 6 });
    expect(audit.org_id).toBe(tree.branchA1);
  });
});
