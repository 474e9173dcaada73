import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DuesWorld, duesWorld, lockHolder, rowOf } from './dues.support.js';
import { engine, type Session } from './support.js';

let w: DuesWorld;
beforeAll(async () => {
  w = await duesWorld();
});
afterAll(() => w.t.close());

describe('dues profiles', () => {
  it('a new base applies from its month on; earlier months keep the old amount', async () => {
    await w.create('吴辛', w.tree.branchA2);
    const put = (body: object) => w.call(w.districtA, 'PUT', `/api/dues/members/${w.ids.吴辛}/profile`, body);
    expect((await put({ category: 'employee', baseFen: 450_000, fromMonth: '2024-01' })).json()).toEqual({ monthlyFen: 4500 });
    expect((await put({ category: 'employee', baseFen: 600_000, fromMonth: '2026-03' })).json()).toEqual({ monthlyFen: 9000 });
    expect(rowOf(await w.sheet(w.tree.branchA2, '2026-02'), '吴辛').dueFen).toBe(4500);
    expect(rowOf(await w.sheet(w.tree.branchA2, '2026-03'), '吴辛')).toMatchObject({ dueFen: 9000, profileFrom: '2026-03' });
    const history = await w.call(w.districtA, 'GET', `/api/dues/members/${w.ids.吴辛}`);
    expect(history.json().profiles.map((p: { fromMonth: string; monthlyFen: number }) => [p.fromMonth, p.monthlyFen])).toEqual([
      ['2026-03', 9000],
      ['2024-01', 4500],
    ]);
  });

  it('names the field at fault', async () => {
    const put = (body: object) => w.call(w.districtA, 'PUT', `/api/dues/members/${w.ids.吴辛}/profile`, body);
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
    const res = await w.call(w.secretary, 'POST', '/api/dues/reductions', {
      memberId: w.ids.张丙,
      fromMonth: '2026-03',
      toMonth: '2026-05',
      amountFen: 1000,
      reason: '长期患病，收入下降',
    });
    expect(res.statusCode, res.body).toBe(201);
    reductionId = res.json().id;
    // Pending: the amount due does not change yet.
    expect(rowOf(await w.sheet(w.tree.branchA1), '张丙')).toMatchObject({ dueFen: 5000, reductionPending: true });
    const list = await w.call(w.secretary, 'GET', '/api/dues/reductions?status=pending');
    expect(list.json().items).toEqual([
      expect.objectContaining({ id: reductionId, memberName: '张丙', abilities: { decide: false } }),
    ]);
    const forDistrict = await w.call(w.districtA, 'GET', '/api/dues/reductions?status=pending');
    expect(forDistrict.json().items[0]).toMatchObject({ id: reductionId, abilities: { decide: true } });
    expect((await w.call(w.districtB, 'GET', '/api/dues/reductions')).json().items).toEqual([]);
    const decide = (s: Session) => w.call(s, 'POST', `/api/dues/reductions/${reductionId}/decide`, { decision: 'approved' });
    expect((await decide(w.secretary)).statusCode).toBe(403);
    expect((await decide(w.districtB)).statusCode).toBe(404);
    expect((await decide(w.districtA)).statusCode).toBe(200);
    const again = await decide(w.city);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toBe('该减免申请已被处理');
    expect(rowOf(await w.sheet(w.tree.branchA1), '张丙')).toMatchObject({
      standardFen: 5000,
      dueFen: 1000,
      reductionPending: false,
    });
    expect(rowOf(await w.sheet(w.tree.branchA1, '2026-02'), '张丙').dueFen).toBe(5000);
  });

  it('refuses overlapping requests and amounts not below what is due', async () => {
    const ask = (body: object) =>
      w.call(w.secretary, 'POST', '/api/dues/reductions', { memberId: w.ids.张丙, reason: '生活困难，申请减免', ...body });
    expect((await ask({ fromMonth: '2026-05', toMonth: '2026-06', amountFen: 0 })).statusCode).toBe(409);
    const high = await ask({ fromMonth: '2026-06', toMonth: '2026-06', amountFen: 5000 });
    expect(high.json().error.fields).toEqual([{ path: 'amountFen', message: '减免后金额应低于应缴金额（¥50.00）' }]);
    const reversed = await ask({ fromMonth: '2026-06', toMonth: '2026-05', amountFen: 0 });
    expect(reversed.json().error.fields[0].path).toBe('toMonth');
  });

  it('whoever asked may not decide; a rejection leaves the amount as it was', async () => {
    const profile = await w.call(w.districtA, 'PUT', `/api/dues/members/${w.ids.周庚}/profile`, {
      category: 'employee',
      baseFen: 250_000,
      fromMonth: '2025-01',
    });
    expect(profile.json()).toEqual({ monthlyFen: 1250 });
    const res = await w.call(w.districtA, 'POST', '/api/dues/reductions', {
      memberId: w.ids.周庚,
      fromMonth: '2026-03',
      toMonth: '2026-03',
      amountFen: 0,
      reason: '失业在家，暂无收入',
    });
    expect(res.statusCode, res.body).toBe(201);
    const decide = (s: Session, decision: string) =>
      w.call(s, 'POST', `/api/dues/reductions/${res.json().id}/decide`, { decision, note: '材料不全' });
    expect((await decide(w.districtA, 'approved')).json().error.message).toBe('不能审批本人提出的减免申请');
    expect((await decide(w.city, 'rejected')).statusCode).toBe(200);
    const row = rowOf(await w.sheet(w.tree.branchA2), '周庚');
    expect(row).toMatchObject({ dueFen: 1250, reductionPending: false, reduction: null });
    const audit = await w.t.deps.db
      .selectFrom('audit_log')
      .select(['detail', 'actor_name'])
      .where('type', '=', 'dues.reduction_decide')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit.actor_name).toBe('d_city');
    expect(JSON.parse(audit.detail)).toMatchObject({ decision: 'rejected', note: '材料不全' });
  });
});

// SQLite runs one transaction at a time, so these races can only happen (and be staged) on PostgreSQL.
describe.skipIf(engine !== 'postgres')('racing requests (PostgreSQL)', () => {
  it('of an approval and a rejection racing, one decides and the other is told it is done', async () => {
    const asked = await w.call(w.secretary, 'POST', '/api/dues/reductions', {
      memberId: w.ids.李乙,
      fromMonth: '2026-04',
      toMonth: '2026-04',
      amountFen: 0,
      reason: '家中老人住院，生活困难',
    });
    expect(asked.statusCode, asked.body).toBe(201);
    const id = asked.json().id as string;
    const holder = await lockHolder(w, 'select id from dues_reduction where id = $1 for update', [id]);
    const racing = Promise.all([
      w.call(w.districtA, 'POST', `/api/dues/reductions/${id}/decide`, { decision: 'approved' }),
      w.call(w.city, 'POST', `/api/dues/reductions/${id}/decide`, { decision: 'rejected' }),
    ]);
    // Both have read the request as pending and wait to write it.
    expect(await holder.waitFor(2, racing)).toBe(2);
    await holder.release();
    const [approve, reject] = await racing;
    expect([approve.statusCode, reject.statusCode].sort()).toEqual([200, 409]);
    const stored = await w.t.deps.db.selectFrom('dues_reduction').select('status').where('id', '=', id).executeTakeFirstOrThrow();
    expect(stored.status).toBe(approve.statusCode === 200 ? 'approved' : 'rejected');
    const audits = await w.t.deps.db
      .selectFrom('audit_log')
      .select('detail')
      .where('type', '=', 'dues.reduction_decide')
      .execute();
    expect(audits.filter((a) => JSON.parse(a.detail).reductionId === id)).toHaveLength(1);
  });

  it('two overlapping requests for one member wait for each other: the second is refused', async () => {
    const holder = await lockHolder(w, 'select pg_advisory_xact_lock(hashtext($1))', [`dues:${w.ids.赵丁}`]);
    const ask = (fromMonth: string, toMonth: string) =>
      w.call(w.secretary, 'POST', '/api/dues/reductions', {
        memberId: w.ids.赵丁,
        fromMonth,
        toMonth,
        amountFen: 0,
        reason: '失业在家，暂无收入',
      });
    const racing = Promise.all([ask('2026-03', '2026-04'), ask('2026-04', '2026-05')]);
    expect(await holder.waitFor(2, racing)).toBe(2);
    await holder.release();
    const results = await racing;
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    const stored = await w.t.deps.db.selectFrom('dues_reduction').select('id').where('member_id', '=', w.ids.赵丁!).execute();
    expect(stored).toHaveLength(1);
  });
});
