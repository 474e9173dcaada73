import type { DuesSheet } from '@tongxin/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DuesWorld, duesWorld, MONTH, rowOf } from './dues.support.js';
import { signIn } from './support.js';

let w: DuesWorld;
beforeAll(async () => {
  w = await duesWorld();
});
afterAll(() => w.t.close());

describe('the monthly sheet (against a hand-computed fixture)', () => {
  it('lists the branch subtree only, with amounts, payments, reductions and arrears', async () => {
    const s = await w.sheet(w.tree.branchA1);
    expect(s.items.map((r) => r.name).sort()).toEqual(['孙己', '张丙', '李乙', '王甲', '赵丁', '郑壬', '钱戊'].sort());
    const pick = (name: string) => {
      const r = rowOf(s, name);
      return [r.category, r.baseFen, r.standardFen, r.dueFen, r.payment?.amountFen ?? null, r.arrearsMonths, r.arrearsLevel];
    };
    expect(pick('王甲')).toEqual(['employee', 300_000, 1500, 1500, 1500, 0, 'none']);
    // Unpaid since January: on 15 March that is two ended months, not three.
    expect(pick('李乙')).toEqual(['employee', 300_001, 3000, 3000, null, 2, 'none']);
    expect(pick('张丙')).toEqual(['retiree', 500_001, 5000, 5000, null, 3, 'warning']);
    expect(pick('赵丁')).toEqual(['student', null, 20, 20, null, 6, 'lapse']);
    // Probationary since January, no profile yet: nothing computed, nothing owed, though dues start at admission.
    expect(pick('钱戊')).toEqual([null, null, null, null, null, 0, 'none']);
    expect(rowOf(s, '钱戊').startMonth).toBe('2026-01');
    // A member since 2015 whose profile starts in January: the years before it are not unpaid.
    expect(pick('郑壬')).toEqual(['employee', 400_000, 4000, 4000, null, 2, 'none']);
    // Exempt in March by the approved reduction: nothing due, so no arrears.
    expect(pick('孙己')).toEqual(['employee', 1_200_000, 24_000, 0, null, 0, 'none']);
    expect(rowOf(s, '孙己').reduction?.amountFen).toBe(0);
    expect(rowOf(s, '王甲').payment).toMatchObject({ paidOn: '2026-03-10', large: false, note: null });
    expect(s.totals).toEqual({
      members: 7,
      dueFen: 1500 + 3000 + 5000 + 20 + 0 + 4000,
      paidFen: 1500,
      outstandingFen: 3000 + 5000 + 20 + 4000,
      paidCount: 1,
      unsetCount: 1,
      warningCount: 1,
      lapseCount: 1,
    });
    expect(s.abilities).toEqual({ record: true, recordReason: null });
    expect(s.orgName).toBe('甲一科技有限公司党支部');
  });

  it('an ended month counts itself: the February sheet', async () => {
    const s = await w.sheet(w.tree.branchA1, '2026-02');
    expect(rowOf(s, '李乙')).toMatchObject({ arrearsMonths: 2, arrearsLevel: 'none' });
    expect(rowOf(s, '张丙')).toMatchObject({ arrearsMonths: 3, arrearsLevel: 'warning' });
    expect(rowOf(s, '郑壬')).toMatchObject({ arrearsMonths: 2, arrearsLevel: 'none' });
    // Paid February: nothing behind.
    expect(rowOf(s, '王甲').arrearsMonths).toBe(0);
  });

  it('a month before admission leaves the probationary member off the sheet', async () => {
    const s = await w.sheet(w.tree.branchA1, '2025-12');
    expect(s.items.map((r) => r.name)).not.toContain('钱戊');
    expect(rowOf(s, '李乙').payment?.amountFen).toBe(3000);
    // Before 郑壬's first profile: nothing set, nothing owed.
    expect(rowOf(s, '郑壬')).toMatchObject({ dueFen: null, arrearsMonths: 0 });
    // Three months back may still be made up; eight may not.
    expect(s.abilities.record).toBe(true);
    expect((await w.sheet(w.tree.branchA1, '2025-07')).abilities).toEqual({
      record: false,
      recordReason: '补缴党费最多补缴6个月（最早 2025-09）',
    });
  });

  it('the district sees the sum of its branches; another district is refused', async () => {
    const s = await w.sheet(w.tree.districtA);
    expect(s.items.map((r) => r.name)).toContain('周庚');
    expect(s.totals.members).toBe(8);
    const res = await w.call(w.districtB, 'GET', `/api/dues/sheet?orgId=${w.tree.branchA1}&month=${MONTH}`);
    expect(res.statusCode).toBe(404);
  });

  it('once March has ended, an unpaid March is one more month behind', async () => {
    w.t.clock.set('2026-04-02T04:00:00Z');
    // A new session: the old one has been idle for weeks by the clock.
    const districtA = await signIn(w.t.app, 'd_districtA');
    const res = await w.call(districtA, 'GET', `/api/dues/sheet?orgId=${w.tree.branchA1}&month=${MONTH}`);
    expect(res.statusCode, res.body).toBe(200);
    const s: DuesSheet = res.json();
    expect(rowOf(s, '李乙')).toMatchObject({ arrearsMonths: 3, arrearsLevel: 'warning' });
    expect(rowOf(s, '郑壬').arrearsMonths).toBe(3);
    expect(rowOf(s, '王甲').arrearsMonths).toBe(0);
  });
});
