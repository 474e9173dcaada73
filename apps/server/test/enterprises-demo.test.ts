import { parseCreditCode } from '@tongxin/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Access, loadGrants } from '../src/access/access.js';
import { seedDemo } from '../src/demo/seed.js';
import { DEMO_PASSWORD } from '../src/demo/world.js';
import { instructorVisitTodos } from '../src/modules/enterprises/todo-instructor-visits.js';
import { beijingDate } from '../src/platform/clock.js';
import { signIn, testApp } from './support.js';

let t: Awaited<ReturnType<typeof testApp>>;
beforeAll(async () => {
  t = await testApp();
  await seedDemo(t.deps);
});
afterAll(() => t.close());

const as = async (username: string) => {
  const s = await signIn(t.app, username, DEMO_PASSWORD);
  return (url: string) => t.app.inject({ method: 'GET', url, headers: s.headers });
};

async function todosOf(username: string) {
  const user = await t.deps.db
    .selectFrom('app_user')
    .select(['id', 'username', 'display_name'])
    .where('username', '=', username)
    .executeTakeFirstOrThrow();
  const grants = await loadGrants(t.deps.db, user.id);
  return t.deps.db.transaction().execute((trx) => {
    const access = new Access(trx, { id: user.id, username: user.username, displayName: user.display_name }, grants);
    return instructorVisitTodos({ trx, access, userId: user.id, today: beijingDate(t.deps.clock.now()) });
  });
}

describe('the demo registry', () => {
  it('holds ~150 enterprises with valid codes, own, joint and uncovered, over every district', async () => {
    const rows = await t.deps.db
      .selectFrom('enterprise')
      .select(['credit_code', 'coverage_kind', 'district_org_id', 'park_org_id'])
      .execute();
    expect(rows.length).toBeGreaterThanOrEqual(140);
    expect(rows.length).toBeLessThanOrEqual(160);
    for (const r of rows) expect(parseCreditCode(r.credit_code).ok, r.credit_code).toBe(true);
    expect(new Set(rows.map((r) => r.coverage_kind))).toEqual(new Set(['own', 'joint', 'none']));
    expect(new Set(rows.map((r) => r.district_org_id)).size).toBe(7);
    expect(rows.some((r) => r.park_org_id !== null)).toBe(true);
  });

  it('shows coverage, the uncovered list and enterprises that should set up a branch to the city admin', async () => {
    const get = await as('city_admin');
    const c = (await get('/api/enterprises/coverage')).json();
    expect(c.totals.inScope).toBeGreaterThan(50);
    expect(c.totals.own).toBeGreaterThan(0);
    expect(c.totals.joint).toBeGreaterThan(0);
    expect(c.totals.workCovered).toBeGreaterThan(0);
    expect(c.totals.workCovered).toBeLessThan(c.totals.none);
    expect(c.parts).toHaveLength(7);
    expect(c.uncovered.length).toBeGreaterThan(0);
    expect(c.shouldFormBranch.length).toBeGreaterThan(0);
  });

  it('gives the instructor assignments, a work log and overdue visits, also as to-dos', async () => {
    const get = await as('instructor');
    const work = (await get('/api/instructor-work')).json();
    expect(work.assignments.length).toBeGreaterThanOrEqual(5);
    expect(work.overdueCount).toBeGreaterThan(0);
    expect(work.overdueCount).toBeLessThan(work.assignments.length);
    expect(work.logTotal).toBeGreaterThan(5);
    const todos = await todosOf('instructor');
    expect(todos).toHaveLength(work.overdueCount);
    expect(todos[0]).toMatchObject({ kind: 'instructor-visit-overdue' });
    expect(todos[0]!.href).toMatch(/^\/enterprises\//);
    // A committee admin gets one summary item for the overdue visits it oversees.
    const admin = await todosOf('jiangyang_admin');
    expect(admin).toHaveLength(1);
    expect(admin[0]).toMatchObject({ kind: 'instructor-visits-overdue', href: '/instructor-work?overdue=1' });
    // The secretary neither instructs nor manages enterprises: no such to-dos.
    expect(await todosOf('secretary')).toEqual([]);
  });

  it('lets the enterprise contact see only 酒城数字传媒有限公司', async () => {
    const get = await as('enterprise');
    const list = (await get('/api/enterprises')).json();
    expect(list.items.map((i: { name: string }) => i.name)).toEqual(['酒城数字传媒有限公司']);
    const detail = (await get(`/api/enterprises/${list.items[0].id}`)).json();
    expect(detail).toMatchObject({ coverageKind: 'own', coveringOrg: { name: '酒城数字传媒有限公司党支部' } });
    expect(detail.memberCount).toBeGreaterThan(0);
  });
});
