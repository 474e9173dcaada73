import type { DuesSheet } from '@tongxin/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../src/demo/seed.js';
import { signIn, testApp } from './support.js';

const DEMO_PASSWORD = 'Tongxin@2026';
let t: Awaited<ReturnType<typeof testApp>>;
beforeAll(async () => {
  t = await testApp();
  await seedDemo(t.deps);
});
afterAll(() => t.close());

const orgId = async (name: string) =>
  (await t.deps.db.selectFrom('org').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;

describe('demo dues', () => {
  it('gives every active member a profile, most up to date, a few 3–6+ months behind', async () => {
    const city = await signIn(t.app, 'city_admin', DEMO_PASSWORD);
    const cityId = await orgId('中共泸州市互联网行业委员会');
    const current = new Date(t.deps.clock.now().getTime() + 8 * 3_600_000).toISOString().slice(0, 7);
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/dues/sheet?orgId=${cityId}&month=${current}`,
      headers: city.headers,
    });
    expect(res.statusCode).toBe(200);
    const s: DuesSheet = res.json();
    expect(s.totals.members).toBeGreaterThan(1000);
    expect(s.totals.unsetCount).toBe(0);
    expect(s.totals.paidCount).toBeGreaterThan(0);
    // Most are up to date.
    expect(s.items.filter((r) => r.arrearsLevel === 'none').length).toBeGreaterThan(s.totals.members / 2);
    const categories = new Set(s.items.map((r) => r.category));
    for (const c of ['employee', 'retiree', 'student', 'unemployed']) expect(categories).toContain(c);
    const employees = s.items.filter((r) => r.category === 'employee');
    expect(employees.filter((r) => r.baseFen! >= 300_000 && r.baseFen! <= 2_000_000).length).toBe(employees.length);
    // The demo promises a 大额党费 to show; how many members fall behind or pay large sums is the seed's chance.
    const large = await t.deps.db.selectFrom('dues_payment').select('id').where('large', '=', 1).execute();
    expect(large.length).toBeGreaterThanOrEqual(1);
    expect(s.items.some((r) => r.arrearsLevel === 'warning')).toBe(true);
    expect(s.items.some((r) => r.arrearsLevel === 'lapse')).toBe(true);
  });

  it('one reduction of 泸州云智 awaits the district: the district admin may decide it, the secretary may not', async () => {
    const district = await signIn(t.app, 'jiangyang_admin', DEMO_PASSWORD);
    const secretary = await signIn(t.app, 'secretary', DEMO_PASSWORD);
    const list = async (headers: Record<string, string>) =>
      (await t.app.inject({ method: 'GET', url: '/api/dues/reductions?status=pending', headers })).json().items;
    const forDistrict = await list(district.headers);
    expect(forDistrict).toHaveLength(1);
    expect(forDistrict[0]).toMatchObject({ orgName: '泸州云智科技有限公司党支部', abilities: { decide: true } });
    expect((await list(secretary.headers))[0].abilities.decide).toBe(false);
  });
});
