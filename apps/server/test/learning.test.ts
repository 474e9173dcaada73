import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEvent, eventBody, register } from './events.support.js';
import { memberBody } from './members.support.js';
import { addUser, type Session, signIn, standardTree, testApp } from './support.js';

let t: Awaited<ReturnType<typeof testApp>>;
let tree: Awaited<ReturnType<typeof standardTree>>;
let city: Session;
let district: Session;
let secretary: Session;
const people = {} as Record<'zhao' | 'qian' | 'sun', Session>;

const NAMES = { zhao: '赵一', qian: '钱二', sun: '孙三' } as const;

beforeAll(async () => {
  t = await testApp();
  t.clock.set('2026-06-01T01:00:00Z');
  tree = await standardTree(t.deps);
  await addUser(t.deps, 'sh_city', [{ role: 'committee_admin', orgId: tree.city }]);
  await addUser(t.deps, 'sh_district', [{ role: 'committee_admin', orgId: tree.districtA }]);
  await addUser(t.deps, 'sh_secretary', [{ role: 'secretary', orgId: tree.branchA1 }]);
  city = await signIn(t.app, 'sh_city');
  district = await signIn(t.app, 'sh_district');
  secretary = await signIn(t.app, 'sh_secretary');
  for (const [key, name] of Object.entries(NAMES) as [keyof typeof NAMES, string][]) {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/members',
      headers: city.headers,
      payload: memberBody(tree.branchA1, { name }),
    });
    const grants = [{ role: 'member' as const, orgId: tree.branchA1, reach: 'org' as const }];
    // 钱二 is the branch secretary: the 56-hour target.
    if (key === 'qian') grants.push({ role: 'secretary' as never, orgId: tree.branchA1, reach: 'subtree' as never });
    const userId = await addUser(t.deps, `sh_${key}`, grants);
    await t.deps.db.updateTable('app_user').set({ member_id: res.json().id }).where('id', '=', userId).execute();
    people[key] = await signIn(t.app, `sh_${key}`);
  }
  // Three occasions of 2026: a training day (8 h), a half-day lecture (4 h), two hours of organised study (2 h).
  const start = (h: number) => new Date(t.clock.now().getTime() + h * 3600_000).toISOString();
  const occasions = [
    { studyKind: 'training_day' as const, startsAt: start(1), endsAt: start(9), kind: 'theme_activity' as const },
    { studyKind: 'half_day_lecture' as const, startsAt: start(2), endsAt: start(5), kind: 'forum' as const },
    { studyKind: 'organised_study' as const, startsAt: start(3), endsAt: start(5), kind: 'salon' as const },
    { studyKind: 'none' as const, startsAt: start(3), endsAt: start(5), kind: 'visit' as const },
  ];
  // 赵一 attends all, 孙三 the lecture only, 钱二 registers for the training day but does not come.
  const attends: Record<keyof typeof NAMES, number[]> = { zhao: [0, 1, 2, 3], sun: [1], qian: [] };
  for (const [i, o] of occasions.entries()) {
    const id = await createEvent(t, district, eventBody(t, tree.districtA, { ...o, inviteOrgIds: [tree.branchA1] }));
    for (const key of Object.keys(NAMES) as (keyof typeof NAMES)[]) {
      const reg = await register(t, people[key], id);
      if (attends[key].includes(i)) {
        const tick = await t.app.inject({
          method: 'POST',
          url: `/api/events/${id}/registrations/${reg.json().id}/check-in`,
          headers: district.headers,
        });
        expect(tick.statusCode).toBe(200);
      }
    }
  }
});
afterAll(() => t.close());

const mine = (s: Session, query = '') => t.app.inject({ method: 'GET', url: `/api/my/study-hours${query}`, headers: s.headers });

describe('study hours', () => {
  it('a member sees their own hours, counted by the rules, against the 32-hour target', async () => {
    const zhao = (await mine(people.zhao)).json();
    expect(zhao).toMatchObject({ year: 2026, hours: 14, target: 32, remaining: 18, leader: false });
    expect(zhao.items.map((i: { hours: number }) => i.hours)).toEqual([8, 4, 2]);
    expect(zhao.rules.map((r: { text: string }) => r.text)).toContain('每次计 8 学时');
    expect((await mine(people.sun)).json()).toMatchObject({ hours: 4, target: 32 });
  });

  it('a secretary or committee member has the 56-hour target; registering without attending counts nothing', async () => {
    expect((await mine(people.qian)).json()).toMatchObject({ hours: 0, target: 56, leader: true, items: [] });
  });

  it('another year counts that year only; nobody can ask for someone else’s hours', async () => {
    expect((await mine(people.zhao, '?year=2025')).json()).toMatchObject({ year: 2025, hours: 0 });
    expect((await mine(people.zhao, `?userId=${tree.city}`)).statusCode).toBe(400);
  });

  it('the branch sees its members’ hours in name order, as information (not sorted by hours)', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/orgs/${tree.branchA1}/study-hours`, headers: secretary.headers });
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { name: string; hours: number; target: number }[];
    // Pinyin order 钱 (qian) · 孙 (sun) · 赵 (zhao): hours 0 · 4 · 14 here, so an hours sort would differ.
    expect(items.map((i) => [i.name, i.hours, i.target])).toEqual([
      ['钱二', 0, 56],
      ['孙三', 4, 32],
      ['赵一', 14, 32],
    ]);
    expect(Object.keys(res.json().items[0]).sort()).toEqual(['hours', 'linked', 'memberId', 'name', 'orgName', 'target']);
  });

  it('a member is refused the branch list; another branch’s secretary does not see it', async () => {
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/orgs/${tree.branchA1}/study-hours`, headers: people.zhao.headers }))
        .statusCode,
    ).toBe(403);
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/orgs/${tree.branchB1}/study-hours`, headers: secretary.headers }))
        .statusCode,
    ).toBe(404);
  });

  it('no route sorts, ranks or scores people by hours (fingertip formalism)', async () => {
    const doc = t.app.swagger() as {
      paths: Record<string, Record<string, { parameters?: { name: string; in: string }[]; responses?: object }>>;
    };
    const offending: string[] = [];
    let examined = 0;
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(methods)) {
        const text = JSON.stringify(op.responses ?? {});
        const aboutHours = /"hours"/.test(text) || /study-hours/.test(path);
        if (!aboutHours) continue;
        examined += 1;
        for (const p of op.parameters ?? []) {
          if (p.in === 'query' && /sort|order|rank/i.test(p.name)) offending.push(`${method} ${path} ?${p.name}`);
        }
        if (/"(rank|ranking|score|position|leaderboard)"/.test(text)) offending.push(`${method} ${path} response`);
      }
    }
    expect(examined).toBeGreaterThanOrEqual(2);
    expect(offending).toEqual([]);
  });
});
