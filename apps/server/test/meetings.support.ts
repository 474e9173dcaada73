import type { MeetingBody } from '@tongxin/contracts';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, expect } from 'vitest';
import { memberBody } from './members.support.js';
import { addUser, type Session, signIn, standardTree, testApp } from './support.js';

type T = Awaited<ReturnType<typeof testApp>>;

export const NAMES = ['赵一', '钱二', '孙三', '李四', '周五', '吴六'];

/**
 * The meetings world: the standard tree (branchA1 has groupA1), today 2026-11-26 in Beijing, branchA1 with
 * five full members and one probationary member, a secretary of branchA1 and the committee admins.
 */
export async function meetingsWorld(t: T) {
  t.clock.set('2026-11-26T04:00:00Z');
  const tree = await standardTree(t.deps);
  for (const id of Object.values(tree)) {
    await t.deps.db.updateTable('org').set({ founded_on: '2020-01-01' }).where('id', '=', id).execute();
  }
  await addUser(t.deps, 'mt_secretary', [{ role: 'secretary', orgId: tree.branchA1 }]);
  await addUser(t.deps, 'mt_districtA', [{ role: 'committee_admin', orgId: tree.districtA }]);
  await addUser(t.deps, 'mt_districtB', [{ role: 'committee_admin', orgId: tree.districtB }]);
  await addUser(t.deps, 'mt_city', [{ role: 'committee_admin', orgId: tree.city }]);
  const secretary = await signIn(t.app, 'mt_secretary');
  const districtA = await signIn(t.app, 'mt_districtA');
  const districtB = await signIn(t.app, 'mt_districtB');
  const city = await signIn(t.app, 'mt_city');
  const members: string[] = [];
  for (const [i, name] of NAMES.entries()) {
    const probationary = i === NAMES.length - 1;
    const body = memberBody(tree.branchA1, {
      name,
      ...(probationary ? { status: 'probationary', fullOn: null, joinedOn: '2026-06-01' } : {}),
    });
    const res = await t.app.inject({ method: 'POST', url: '/api/members', headers: city.headers, payload: body });
    if (res.statusCode !== 201) throw new Error(`member: ${res.statusCode} ${res.body}`);
    members.push(res.json().id);
  }
  // branchA1 and branchA2 have committees of three (so they are asked for committee meetings); districtB's
  // branch has none.
  await t.deps.db
    .insertInto('org_committee')
    .values([
      {
        id: uuidv7(),
        org_id: tree.branchA1,
        term_start: '2024-01-01',
        term_end: '2026-12-31',
        elected_on: null,
        created_at: '2024-01-01T00:00:00Z',
        superseded_at: null,
      },
    ])
    .execute();
  for (const [orgId, names] of [
    [tree.branchA1, NAMES.slice(0, 3)],
    [tree.branchA2, ['甲', '乙', '丙']],
  ] as const) {
    let committeeId = (await t.deps.db.selectFrom('org_committee').select('id').where('org_id', '=', orgId).executeTakeFirst())
      ?.id;
    if (!committeeId) {
      committeeId = uuidv7();
      await t.deps.db
        .insertInto('org_committee')
        .values({
          id: committeeId,
          org_id: orgId,
          term_start: '2024-01-01',
          term_end: '2026-12-31',
          elected_on: null,
          created_at: '2024-01-01T00:00:00Z',
          superseded_at: null,
        })
        .execute();
    }
    await t.deps.db
      .insertInto('committee_member')
      .values(
        names.map((name, i) => ({
          id: uuidv7(),
          committee_id: committeeId!,
          name,
          duty: i === 0 ? 'secretary' : 'member',
          user_id: null,
          position: i,
        })),
      )
      .execute();
  }
  return { tree, secretary, districtA, districtB, city, members };
}

export function meeting(orgId: string, overrides: Partial<MeetingBody> = {}): MeetingBody {
  return {
    orgId,
    kind: 'general_meeting',
    status: 'held',
    date: '2026-10-15',
    time: '14:30',
    place: '公司三楼会议室',
    host: '张书记',
    recorder: '李委员',
    topics: '学习党的二十届四中全会精神',
    minutes: '会议传达学习了全会精神。\n大家逐一发言。',
    ...overrides,
  };
}

export const call = (t: T, s: Session | null, method: string, url: string, payload?: object) =>
  t.app.inject({ method: method as 'GET', url, headers: s?.headers ?? {}, ...(payload ? { payload } : {}) });

type World = Awaited<ReturnType<typeof meetingsWorld>>;
type Attendance = 'present' | 'on_leave' | 'absent';

/** Attendance of the given members (all of branchA1's by default), each with the same answer. */
export const everyone = (w: World, attendance: Attendance, ids = w.members) => ids.map((memberId) => ({ memberId, attendance }));

/** The compliance grid of a subtree for one kind, as 甲区's admin reads it. */
export const complianceGrid = (t: T, w: World, orgId: string, kind: string, year = 2026) =>
  call(t, w.districtA, 'GET', `/api/meetings/compliance?orgId=${orgId}&year=${year}&kind=${kind}`);

/** One branch's cells of that grid: period key → status. */
export async function complianceCells(t: T, w: World, orgId: string, branchId: string, kind: string, year = 2026) {
  const res = await complianceGrid(t, w, orgId, kind, year);
  expect(res.statusCode).toBe(200);
  const row = res.json().rows.items.find((r: { orgId: string }) => r.orgId === branchId);
  return Object.fromEntries(row.cells.map((c: { key: string; status: string }) => [c.key, c.status])) as Record<string, string>;
}

/**
 * A test file's own app and meetings world, made before its tests and closed after them, with the compliance
 * helpers bound to it. Read `t` and `w` inside tests (they exist once beforeAll has run).
 */
export function meetingsSuite() {
  const suite = {} as {
    t: T;
    w: World;
    everyone: (attendance: Attendance, ids?: string[]) => { memberId: string; attendance: Attendance }[];
    grid: (orgId: string, kind: string, year?: number) => ReturnType<typeof complianceGrid>;
    cellsOf: (orgId: string, branchId: string, kind: string, year?: number) => Promise<Record<string, string>>;
  };
  beforeAll(async () => {
    const t = await testApp();
    const w = await meetingsWorld(t);
    Object.assign(suite, {
      t,
      w,
      everyone: (attendance: Attendance, ids = w.members) => everyone(w, attendance, ids),
      grid: (orgId: string, kind: string, year = 2026) => complianceGrid(t, w, orgId, kind, year),
      cellsOf: (orgId: string, branchId: string, kind: string, year = 2026) => complianceCells(t, w, orgId, branchId, kind, year),
    });
  });
  afterAll(() => suite.t.close());
  return suite;
}
