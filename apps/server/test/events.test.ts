import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEvent, eventBody, register } from './events.support.js';
import { addUser, type Session, signIn, standardTree, testApp } from './support.js';

let t: Awaited<ReturnType<typeof testApp>>;
let tree: Awaited<ReturnType<typeof standardTree>>;
let district: Session;
let people: Session[];

beforeAll(async () => {
  t = await testApp();
  tree = await standardTree(t.deps);
  await addUser(t.deps, 'ev_district', [{ role: 'committee_admin', orgId: tree.districtA }]);
  district = await signIn(t.app, 'ev_district');
  people = [];
  for (let i = 0; i < 6; i += 1) {
    await addUser(t.deps, `ev_p${i}`, [{ role: 'member', orgId: tree.branchA1, reach: 'org' }]);
    people.push(await signIn(t.app, `ev_p${i}`));
  }
});
afterAll(() => t.close());

const get = (s: Session, id: string) => t.app.inject({ method: 'GET', url: `/api/events/${id}`, headers: s.headers });
const cancel = (s: Session, id: string, rid: string) =>
  t.app.inject({ method: 'POST', url: `/api/events/${id}/registrations/${rid}/cancel`, headers: s.headers });
const code = (s: Session, id: string) =>
  t.app.inject({ method: 'GET', url: `/api/events/${id}/check-in-code`, headers: s.headers });
const checkIn = (s: Session, c: string) =>
  t.app.inject({ method: 'POST', url: '/api/events/check-in', headers: s.headers, payload: { code: c } });

describe('events: capacity and the waiting list', () => {
  it('seats go first come, then the waiting list in order; a cancellation promotes the first waiting', async () => {
    const id = await createEvent(t, district, eventBody(t, tree.districtA, { capacity: 2, inviteOrgIds: [tree.districtA] }));
    const regs = [];
    for (const p of people.slice(0, 4)) {
      const r = await register(t, p, id);
      expect(r.statusCode).toBe(201);
      regs.push(r.json());
    }
    expect(regs.map((r) => r.status)).toEqual(['registered', 'registered', 'waiting', 'waiting']);
    expect(regs.map((r) => r.queuePosition)).toEqual([null, null, 1, 2]);
    expect((await register(t, people[0]!, id)).statusCode).toBe(409);

    expect((await cancel(people[0]!, id, regs[0].id)).statusCode).toBe(200);
    const after = (await get(district, id)).json();
    const byId = new Map(after.participants.map((p: { id: string }) => [p.id, p]));
    expect((byId.get(regs[2].id) as { status: string }).status).toBe('registered');
    expect((byId.get(regs[3].id) as { status: string }).status).toBe('waiting');
    expect(after.seatsTaken).toBe(2);
    expect(after.waitingCount).toBe(1);
    // Someone else's registration is not theirs to cancel.
    expect((await cancel(people[3]!, id, regs[1].id)).statusCode).toBe(404);
    // A waiting registration cancelled frees nothing.
    expect((await cancel(people[3]!, id, regs[3].id)).statusCode).toBe(200);
    expect((await get(district, id)).json().seatsTaken).toBe(2);
  });

  it('50 concurrent registrations for the last seat: exactly one gets it, the rest wait in distinct order', async () => {
    const id = await createEvent(t, district, eventBody(t, tree.districtA, { capacity: 1, inviteOrgIds: [tree.districtA] }));
    const sessions: Session[] = [];
    for (let i = 0; i < 50; i += 1) {
      await addUser(t.deps, `ev_race${i}`, [{ role: 'member', orgId: tree.branchA2, reach: 'org' }]);
      sessions.push(await signIn(t.app, `ev_race${i}`));
    }
    const results = await Promise.all(sessions.map((s) => register(t, s, id)));
    expect(results.every((r) => r.statusCode === 201)).toBe(true);
    const statuses = results.map((r) => r.json());
    expect(statuses.filter((r) => r.status === 'registered')).toHaveLength(1);
    const positions = statuses.filter((r) => r.status === 'waiting').map((r) => r.queuePosition as number);
    expect(new Set(positions).size).toBe(49);
    expect(Math.min(...positions)).toBe(1);
    expect(Math.max(...positions)).toBe(49);
    const row = await t.deps.db.selectFrom('event').select('seats_taken').where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.seats_taken).toBe(1);
  });
});

describe('events: check-in by signed code', () => {
  let id: string;
  let regId: string;
  beforeAll(async () => {
    id = await createEvent(t, district, eventBody(t, tree.districtA, { inviteOrgIds: [tree.branchA1] }));
    regId = (await register(t, people[4]!, id, { category: 'enterprise_head', unit: '甲一科技' })).json().id;
  });

  it('an altered or forged code is refused in Chinese and changes nothing', async () => {
    const c = (await code(people[4]!, id)).json().code as string;
    const parts = c.split('.');
    const altered = [...parts.slice(0, 4), 'AAAAAAAAAAAA', parts[5]].join('.');
    const r1 = await checkIn(district, altered);
    expect(r1.statusCode).toBe(400);
    expect(r1.json().error.message).toContain('签到码无效');
    const forged = `${c.slice(0, -4)}0000`;
    expect((await checkIn(district, forged)).json().error.message).toContain('签到码无效');
    expect((await checkIn(district, 'hello')).statusCode).toBe(400);
    expect((await get(district, id)).json().participants[0].checkedInAt).toBeNull();
  });

  it('an expired code is refused and changes nothing', async () => {
    const c = (await code(people[4]!, id)).json().code as string;
    t.clock.advance(11 * 60_000);
    const r = await checkIn(district, c);
    t.clock.advance(-11 * 60_000);
    expect(r.statusCode).toBe(400);
    expect(r.json().error.message).toContain('签到码已过期');
    expect((await get(district, id)).json().participants[0].checkedInAt).toBeNull();
  });

  it('only the organiser checks in; a valid code checks in once; a replay and a second code are refused', async () => {
    const c = (await code(people[4]!, id)).json().code as string;
    expect((await checkIn(people[0]!, c)).statusCode).toBe(403);
    const ok = await checkIn(district, c);
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ category: 'enterprise_head', name: 'ev_p4' });
    const replay = await checkIn(district, c);
    expect(replay.statusCode).toBe(409);
    expect(replay.json().error.message).toContain('已使用过');
    expect((await code(people[4]!, id)).statusCode).toBe(409);
    const detail = (await get(district, id)).json();
    expect(detail.byCategory.find((c: { category: string }) => c.category === 'enterprise_head')).toMatchObject({
      registered: 1,
      checkedIn: 1,
    });
    const audits = await t.deps.db
      .selectFrom('audit_log')
      .select('type')
      .where('type', '=', 'event.check_in')
      .where('object_id', '=', id)
      .execute();
    expect(audits).toHaveLength(1);
    expect(regId).toBeTruthy();
  });

  it('the organiser ticks a guest in once, and the count by category follows', async () => {
    const g = await t.app.inject({
      method: 'POST',
      url: `/api/events/${id}/participants`,
      headers: district.headers,
      payload: { name: '王处长', unit: '区商务局', category: 'authority' },
    });
    expect(g.statusCode).toBe(201);
    const tick = () =>
      t.app.inject({ method: 'POST', url: `/api/events/${id}/registrations/${g.json().id}/check-in`, headers: district.headers });
    expect((await tick()).statusCode).toBe(200);
    const again = await tick();
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toContain('无需重复签到');
    const counts = (await get(district, id)).json().byCategory;
    expect(counts).toEqual([
      { category: 'enterprise_head', registered: 1, waiting: 0, checkedIn: 1 },
      { category: 'authority', registered: 1, waiting: 0, checkedIn: 1 },
      { category: 'association', registered: 0, waiting: 0, checkedIn: 0 },
      { category: 'practitioner', registered: 0, waiting: 0, checkedIn: 0 },
    ]);
  });

  it('a participant sees their own registration, not the list; the summary keeps follow-ups', async () => {
    const mine = (await get(people[4]!, id)).json();
    expect(mine.participants).toBeNull();
    expect(mine.byCategory).toBeNull();
    expect(mine.mine.checkedInAt).not.toBeNull();
    const s = await t.app.inject({
      method: 'PUT',
      url: `/api/events/${id}/summary`,
      headers: district.headers,
      payload: { summary: '四方围绕数据合规座谈', followUps: [{ text: '协调办理数据出境评估咨询' }] },
    });
    expect(s.statusCode).toBe(200);
    expect((await get(people[4]!, id)).json().followUps).toEqual([{ text: '协调办理数据出境评估咨询', serviceRequestId: null }]);
  });
});
