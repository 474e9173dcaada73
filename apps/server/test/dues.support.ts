import type { DuesSheet, DuesSheetRow } from '@tongxin/contracts';
import pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { expect } from 'vitest';
import { memberBody } from './members.support.js';
import { addUser, type Session, signIn, standardTree, testApp } from './support.js';

/** The sheet month of the dues tests; the clock stands at 15 March 2026, noon in Beijing. */
export const MONTH = '2026-03';

/**
 * The hand-computed dues fixture every dues test file starts from (each file has a database of its own):
 * branchA1 in March 2026, with a secretary, two district admins and the city admin.
 */
export async function duesWorld() {
  const t = await testApp();
  t.clock.set('2026-03-15T04:00:00Z');
  const tree = await standardTree(t.deps);
  await addUser(t.deps, 'd_secretary', [{ role: 'secretary', orgId: tree.branchA1 }]);
  await addUser(t.deps, 'd_districtA', [{ role: 'committee_admin', orgId: tree.districtA }]);
  await addUser(t.deps, 'd_districtB', [{ role: 'committee_admin', orgId: tree.districtB }]);
  await addUser(t.deps, 'd_city', [{ role: 'committee_admin', orgId: tree.city }]);
  const secretary = await signIn(t.app, 'd_secretary');
  const districtA = await signIn(t.app, 'd_districtA');
  const districtB = await signIn(t.app, 'd_districtB');
  const city = await signIn(t.app, 'd_city');
  const ids = {} as Record<string, string>;

  const call = (s: Session, method: string, url: string, payload?: object) =>
    t.app.inject({ method: method as 'GET', url, headers: s.headers, ...(payload ? { payload } : {}) });

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
  async function paid(name: string, month: string, fen: number, orgId = tree.branchA1) {
    const id = uuidv7();
    await t.deps.db
      .insertInto('dues_payment')
      .values({
        id,
        member_id: ids[name]!,
        org_id: orgId,
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
    return id;
  }

  async function sheet(orgId: string, month = MONTH): Promise<DuesSheet> {
    const res = await call(districtA, 'GET', `/api/dues/sheet?orgId=${orgId}&month=${month}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  }

  await create('王甲', tree.branchA1);
  await create('李乙', tree.branchA1);
  await create('张丙', tree.branchA1);
  await create('赵丁', tree.branchA1);
  await create('钱戊', tree.branchA1, { status: 'probationary', joinedOn: '2026-01-10', fullOn: null });
  await create('孙己', tree.branchA1);
  await create('郑壬', tree.branchA1); // admitted in 2015, but a dues profile only from January 2026
  await create('周庚', tree.branchA2);
  await setProfile('王甲', { category: 'employee', baseFen: 300_000, fromMonth: '2020-01' }); // 3000.00 → 0.5% = 15.00
  await setProfile('李乙', { category: 'employee', baseFen: 300_001, fromMonth: '2020-01' }); // 3000.01 → 1% = 30.00
  await setProfile('张丙', { category: 'retiree', baseFen: 500_001, fromMonth: '2020-01' }); // 5000.01 → 1% = 50.00
  await setProfile('赵丁', { category: 'student', baseFen: null, fromMonth: '2020-01' }); // 0.20
  await setProfile('孙己', { category: 'employee', baseFen: 1_200_000, fromMonth: '2020-01' }); // 12000 → 2% = 240.00
  await setProfile('郑壬', { category: 'employee', baseFen: 400_000, fromMonth: '2026-01' }); // 4000 → 1% = 40.00
  await paid('王甲', '2026-02', 1500);
  // On 15 March, March is not over: only ended months are in arrears.
  await paid('李乙', '2025-12', 3000); // January and February unpaid: 2
  await paid('张丙', '2025-11', 5000); // December to February unpaid: 3 → warning
  await paid('赵丁', '2025-08', 20); // September to February unpaid: 6 → 自行脱党 review
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

  return { t, tree, secretary, districtA, districtB, city, ids, call, create, setProfile, paid, sheet };
}

export type DuesWorld = Awaited<ReturnType<typeof duesWorld>>;

export const rowOf = (s: DuesSheet, name: string) => s.items.find((r) => r.name === name) as DuesSheetRow;

/**
 * PostgreSQL only: a second connection to the test database that holds a lock (taken by `lock`) in an open
 * transaction while requests race, so that they meet the race deterministically.
 */
export async function lockHolder(w: DuesWorld, lock: string, values: unknown[]) {
  const client = new pg.Client({ connectionString: w.t.deps.config.databaseUrl! });
  await client.connect();
  await client.query('begin');
  await client.query(lock, values);
  const waiting = async () =>
    (
      await client.query<{ n: number }>(
        `select count(*)::int as n from pg_stat_activity
          where datname = current_database() and wait_event_type = 'Lock' and pid <> pg_backend_pid()`,
      )
    ).rows[0]!.n;
  return {
    /**
     * Waits until `n` other sessions wait for a lock, or the racing requests have all finished; returns how
     * many were seen waiting.
     */
    async waitFor(n: number, racing: Promise<unknown>): Promise<number> {
      let finished = false;
      void racing.finally(() => {
        finished = true;
      });
      for (;;) {
        const seen = await waiting();
        if (seen >= n || finished) return seen;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    async release() {
      await client.query('commit');
      await client.end();
    },
  };
}
