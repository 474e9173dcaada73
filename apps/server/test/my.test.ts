import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEvent, eventBody, register } from './events.support.js';
import { call, everyone, meeting, meetingsWorld, NAMES } from './meetings.support.js';
import { addUser, type Session, signIn, testApp } from './support.js';

let t: Awaited<ReturnType<typeof testApp>>;
let w: Awaited<ReturnType<typeof meetingsWorld>>;
let zhao: Session;
let qian: Session;
let stranger: Session;

beforeAll(async () => {
  t = await testApp();
  w = await meetingsWorld(t);
  for (const [i, key] of (['zhao', 'qian'] as const).entries()) {
    const userId = await addUser(t.deps, `my_${key}`, [{ role: 'member', orgId: w.tree.branchA1, reach: 'org' }]);
    await t.deps.db.updateTable('app_user').set({ member_id: w.members[i]! }).where('id', '=', userId).execute();
  }
  await addUser(t.deps, 'my_stranger', [{ role: 'member', orgId: w.tree.branchA2, reach: 'org' }]);
  zhao = await signIn(t.app, 'my_zhao');
  qian = await signIn(t.app, 'my_qian');
  stranger = await signIn(t.app, 'my_stranger');
  // A held general meeting: 赵一 present, 钱二 on leave.
  const attendees = [...everyone(w, 'present', [w.members[0]!]), ...everyone(w, 'on_leave', w.members.slice(1))];
  const res = await call(t, w.secretary, 'POST', '/api/meetings', meeting(w.tree.branchA1, { attendance: attendees }));
  expect(res.statusCode).toBe(201);
  const event = await createEvent(t, w.districtA, eventBody(t, w.tree.districtA, { inviteOrgIds: [w.tree.branchA1] }));
  expect((await register(t, zhao, event)).statusCode).toBe(201);
});
afterAll(() => t.close());

const my = (s: Session) => t.app.inject({ method: 'GET', url: '/api/my', headers: s.headers });

describe('我的', () => {
  it('a member sees their branch, its secretary, their meetings and attendance, events and study hours', async () => {
    const res = await my(zhao);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      linked: true,
      member: { name: NAMES[0], orgId: w.tree.branchA1, orgName: '甲一科技有限公司党支部' },
      secretary: NAMES[0],
      studyHours: { year: 2026, hours: 0, target: 32 },
    });
    expect(body.meetings).toEqual([expect.objectContaining({ kind: 'general_meeting', attendance: 'present' })]);
    expect(body.events).toEqual([expect.objectContaining({ status: 'registered', checkedInAt: null })]);
    expect(body.dues).toMatchObject({ year: 2026 });
  });

  it('each sees only their own: attendance, events', async () => {
    const body = (await my(qian)).json();
    expect(body.member.name).toBe(NAMES[1]);
    expect(body.meetings.map((m: { attendance: string }) => m.attendance)).toEqual(['on_leave']);
    expect(body.events).toEqual([]);
  });

  it('an account with no member record gets its events and hours, nothing of anyone else', async () => {
    const body = (await my(stranger)).json();
    expect(body).toMatchObject({ linked: false, member: null, meetings: [], dues: null, transfers: [] });
    expect((await t.app.inject({ method: 'GET', url: '/api/my' })).statusCode).toBe(401);
  });
});
