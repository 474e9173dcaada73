import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DUES_EXPORTS_PER_MINUTE } from '../src/modules/dues/dues.routes.js';
import { type DuesWorld, duesWorld, lockHolder, rowOf } from './dues.support.js';
import { addUser, engine, signIn } from './support.js';

let w: DuesWorld;
beforeAll(async () => {
  w = await duesWorld();
});
afterAll(() => w.t.close());

const paymentCount = async (month: string) =>
  Number(
    (
      await w.t.deps.db
        .selectFrom('dues_payment')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('month', '=', month)
        .where('revoked_at', 'is', null)
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('recording payments', () => {
  it('a batch with one bad row writes nothing and names the row', async () => {
    const before = await paymentCount('2026-01');
    const audits = await w.t.deps.db.selectFrom('audit_log').select('seq').where('type', '=', 'dues.payment').execute();
    const res = await w.call(w.secretary, 'POST', '/api/dues/payments', {
      orgId: w.tree.branchA1,
      month: '2026-01',
      paidOn: '2026-03-12',
      items: [{ memberId: w.ids.李乙 }, { memberId: w.ids.张丙 }, { memberId: w.ids.周庚 }],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual([{ path: 'items.2.memberId', message: '该党员不在本组织的党员名册中' }]);
    expect(await paymentCount('2026-01')).toBe(before);
    const after = await w.t.deps.db.selectFrom('audit_log').select('seq').where('type', '=', 'dues.payment').execute();
    expect(after.length).toBe(audits.length);
  });

  it('the same batch without the bad row is recorded whole, and the sheet totals follow', async () => {
    const res = await w.call(w.secretary, 'POST', '/api/dues/payments', {
      orgId: w.tree.branchA1,
      month: '2026-01',
      paidOn: '2026-03-12',
      items: [{ memberId: w.ids.李乙 }, { memberId: w.ids.张丙 }],
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toEqual({ count: 2, totalFen: 8000, largeCount: 0 });
    const audit = await w.t.deps.db
      .selectFrom('audit_log')
      .select(['detail', 'org_id', 'actor_name'])
      .where('type', '=', 'dues.payment')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ org_id: w.tree.branchA1, actor_name: 'd_secretary' });
    expect(JSON.parse(audit.detail)).toEqual({ month: '2026-01', paidOn: '2026-03-12', count: 2, totalFen: 8000, largeCount: 0 });
    const s = await w.sheet(w.tree.branchA1, '2026-01');
    expect(rowOf(s, '李乙').payment).toMatchObject({ amountFen: 3000, paidOn: '2026-03-12' });
    // 李乙 paid January: in March the run is now February only (March is not over).
    expect(rowOf(await w.sheet(w.tree.branchA1), '李乙')).toMatchObject({ arrearsMonths: 1, arrearsLevel: 'none' });
  });

  it('refuses a second payment for the same month, until the first is revoked with a reason', async () => {
    const body = { orgId: w.tree.branchA1, month: '2026-01', paidOn: '2026-03-13', items: [{ memberId: w.ids.李乙 }] };
    const again = await w.call(w.secretary, 'POST', '/api/dues/payments', body);
    expect(again.statusCode).toBe(400);
    expect(again.json().error.fields[0].message).toContain('党费已登记');
    const paymentId = rowOf(await w.sheet(w.tree.branchA1, '2026-01'), '李乙').payment!.id;
    const revoke = (reason: string) => w.call(w.secretary, 'POST', `/api/dues/payments/${paymentId}/revoke`, { reason });
    expect((await revoke('')).statusCode).toBe(400);
    expect((await revoke('金额登记错误')).statusCode).toBe(200);
    expect((await revoke('再次撤销')).statusCode).toBe(409);
    expect(rowOf(await w.sheet(w.tree.branchA1, '2026-01'), '李乙').payment).toBeNull();
    expect((await w.call(w.secretary, 'POST', '/api/dues/payments', body)).statusCode).toBe(201);
    const audit = await w.t.deps.db
      .selectFrom('audit_log')
      .select('detail')
      .where('type', '=', 'dues.payment_revoke')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.detail)).toMatchObject({ month: '2026-01', amountFen: 3000, reason: '金额登记错误' });
  });

  it('an amount other than the one due needs a note; 1000 元 or more is flagged 大额党费', async () => {
    const base = { orgId: w.tree.branchA1, month: '2026-02', paidOn: '2026-03-14' };
    const bare = await w.call(w.secretary, 'POST', '/api/dues/payments', {
      ...base,
      items: [{ memberId: w.ids.李乙, amountFen: 100_000 }],
    });
    expect(bare.statusCode).toBe(400);
    expect(bare.json().error.fields).toEqual([{ path: 'items.0.note', message: '李乙缴纳金额与应缴¥30.00不同，请填写说明' }]);
    const res = await w.call(w.secretary, 'POST', '/api/dues/payments', {
      ...base,
      items: [
        { memberId: w.ids.李乙, amountFen: 100_000, note: '=HYPERLINK("http://x")自愿多交' },
        // A note that is a plain number stays a number in the export.
        { memberId: w.ids.赵丁, amountFen: 100, note: '+80' },
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toEqual({ count: 2, totalFen: 100_100, largeCount: 1 });
    expect(rowOf(await w.sheet(w.tree.branchA1, '2026-02'), '李乙').payment).toMatchObject({ amountFen: 100_000, large: true });
  });

  it('keeps to the make-up window and the calendar', async () => {
    const item = [{ memberId: w.ids.赵丁 }];
    const post = (month: string, paidOn: string) =>
      w.call(w.secretary, 'POST', '/api/dues/payments', { orgId: w.tree.branchA1, month, paidOn, items: item });
    const tooOld = await post('2025-08', '2026-03-01');
    expect(tooOld.json().error.fields).toEqual([{ path: 'month', message: '补缴党费最多补缴6个月（最早 2025-09）' }]);
    expect((await post('2026-04', '2026-03-01')).json().error.fields[0].path).toBe('month');
    expect((await post('2026-03', '2026-03-16')).json().error.fields).toEqual([
      { path: 'paidOn', message: '缴纳日期不能晚于今天' },
    ]);
    expect((await post('2026-03', '2026-02-28')).json().error.fields[0].path).toBe('paidOn');
    // A probationary member pays from admission: December is before it.
    const early = await w.call(w.secretary, 'POST', '/api/dues/payments', {
      orgId: w.tree.branchA1,
      month: '2025-12',
      paidOn: '2026-03-01',
      items: [{ memberId: w.ids.钱戊, amountFen: 20 }],
    });
    expect(early.json().error.fields[0]).toEqual({ path: 'items.0.memberId', message: '钱戊自2026-01起缴纳党费，此前无须登记' });
    // No profile: the amount must be given.
    const unset = await w.call(w.secretary, 'POST', '/api/dues/payments', {
      orgId: w.tree.branchA1,
      month: '2026-03',
      paidOn: '2026-03-01',
      items: [{ memberId: w.ids.钱戊 }],
    });
    expect(unset.json().error.fields[0].path).toBe('items.0.amountFen');
  });
});

describe('revoking a payment', () => {
  it('belongs to the branch that recorded it, not the branch a member moved to', async () => {
    await w.create('冯癸', w.tree.branchA1);
    const paymentId = await w.paid('冯癸', '2026-01', 20);
    // The member moves to district B's branch; the January payment stays on branch A1's books.
    await w.t.deps.db.updateTable('member').set({ org_id: w.tree.branchB1 }).where('id', '=', w.ids.冯癸!).execute();
    await addUser(w.t.deps, 'd_secretaryB1', [{ role: 'secretary', orgId: w.tree.branchB1 }]);
    const newBranch = await signIn(w.t.app, 'd_secretaryB1');
    const revoke = (s: typeof newBranch) =>
      w.call(s, 'POST', `/api/dues/payments/${paymentId}/revoke`, { reason: '登记有误，予以更正' });
    expect((await revoke(newBranch)).statusCode).toBe(404);
    expect((await revoke(w.secretary)).statusCode).toBe(200);
  });

  it.skipIf(engine !== 'postgres')('of two revokes racing, one succeeds and the other is told it is done', async () => {
    const paymentId = await w.paid('王甲', '2026-01', 1500);
    const holder = await lockHolder(w, 'select id from dues_payment where id = $1 for update', [paymentId]);
    const revoke = (reason: string) => w.call(w.secretary, 'POST', `/api/dues/payments/${paymentId}/revoke`, { reason });
    const racing = Promise.all([revoke('第一次撤销'), revoke('第二次撤销')]);
    // Both have read the payment as standing and wait to write it.
    expect(await holder.waitFor(2, racing)).toBe(2);
    await holder.release();
    const results = await racing;
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const audits = await w.t.deps.db.selectFrom('audit_log').select('detail').where('type', '=', 'dues.payment_revoke').execute();
    expect(audits.filter((a) => JSON.parse(a.detail).paymentId === paymentId)).toHaveLength(1);
  });
});

describe('export', () => {
  it('downloads the sheet as .xlsx, neutralised, audited with its row count', async () => {
    const res = await w.call(w.secretary, 'GET', `/api/dues/sheet/export?orgId=${w.tree.branchA1}&month=2026-02`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(String(res.headers['content-disposition'])).toBe(
      `attachment; filename="dues-2026-02.xlsx"; filename*=UTF-8''${encodeURIComponent('甲一科技有限公司党支部-2026-02-党费收缴表.xlsx')}`,
    );
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
    expect(rows.find((r) => r[1] === '赵丁')![11]).toBe('+80');
    // Seven members and the totals row (冯癸 has moved away).
    expect(rows).toHaveLength(8);
    expect(rows[7]![1]).toBe('合计');
    const audit = await w.t.deps.db
      .selectFrom('audit_log')
      .select(['detail', 'org_id'])
      .where('type', '=', 'dues.export')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.detail)).toEqual({ month: '2026-02', rows: 7 });
    expect(audit.org_id).toBe(w.tree.branchA1);
  });

  it(`allows each user ${DUES_EXPORTS_PER_MINUTE} exports a minute`, async () => {
    const url = `/api/dues/sheet/export?orgId=${w.tree.branchA2}&month=2026-02`;
    // One export was made by the test above; refused requests count too.
    for (let i = 1; i < DUES_EXPORTS_PER_MINUTE; i += 1) expect((await w.call(w.secretary, 'GET', url)).statusCode).toBe(404);
    expect((await w.call(w.secretary, 'GET', url)).statusCode).toBe(429);
    // Another user has a count of their own.
    expect((await w.call(w.districtA, 'GET', url)).statusCode).toBe(200);
  });
});
