import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memberBody } from './members.support.js';
import { addUser, type Session, signIn, standardTree, testApp } from './support.js';

let t: Awaited<ReturnType<typeof testApp>>;
let tree: Awaited<ReturnType<typeof standardTree>>;
let sec: Session;
let secB: Session;
const NAMES = ['赵一', '钱二', '孙三', '李四', '周五', '吴六'];

beforeAll(async () => {
  t = await testApp();
  tree = await standardTree(t.deps);
  await addUser(t.deps, 'a_sec', [{ role: 'secretary', orgId: tree.branchA1 }]);
  await addUser(t.deps, 'a_secB', [{ role: 'secretary', orgId: tree.branchB1 }]);
  sec = await signIn(t.app, 'a_sec');
  secB = await signIn(t.app, 'a_secB');
  // Six full members and one probationary member.
  for (const name of NAMES) {
    const res = await call(sec, 'POST', '/api/members', memberBody(tree.branchA1, { name }));
    expect(res.statusCode, res.body).toBe(201);
  }
  const p = await call(
    sec,
    'POST',
    '/api/members',
    memberBody(tree.branchA1, { name: '郑七', status: 'probationary', joinedOn: '2025-10-01', fullOn: null }),
  );
  expect(p.statusCode, p.body).toBe(201);
});
afterAll(() => t.close());

const call = (who: Session, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: who.headers, ...(payload ? { payload } : {}) });

type Entry = { id: string; memberName: string; memberStatus: string; version: number; grade: string | null; memberId: string };
const detail = async (id: string) => (await call(sec, 'GET', `/api/appraisals/${id}`)).json();
const entryOf = (d: { entries: Entry[] }, name: string) => d.entries.find((e) => e.memberName === name)!;
const grade = (id: string, e: Entry, g: string | null, extra: object = {}) =>
  call(sec, 'PUT', `/api/appraisals/${id}/entries/${e.id}`, { grade: g, version: e.version, ...extra });

describe('democratic appraisal', () => {
  let id: string;
  it('opens for a branch and year with its members; once per year', async () => {
    const year = Number(new Date(t.clock.now().getTime() + 8 * 3600_000).toISOString().slice(0, 4));
    const res = await call(sec, 'POST', '/api/appraisals', { orgId: tree.branchA1, year });
    expect(res.statusCode, res.body).toBe(201);
    id = res.json().id;
    const d = await detail(id);
    expect(d.entries).toHaveLength(7);
    expect(d.counts).toMatchObject({ participants: 7, full: 6, probationary: 1, graded: 0, maxExcellent: 2 });
    expect(d.closeIssues).toEqual(['还有6名正式党员未评定等次']);
    const again = await call(sec, 'POST', '/api/appraisals', { orgId: tree.branchA1, year });
    expect(again.statusCode).toBe(409);
    const future = await call(sec, 'POST', '/api/appraisals', { orgId: tree.branchA1, year: year + 1 });
    expect(future.json().error.fields[0]).toMatchObject({ path: 'year', message: '评议年度不能晚于今年' });
    const group = await call(sec, 'POST', '/api/appraisals', { orgId: tree.groupA1, year: year - 1 });
    expect(group.json().error.fields[0].path).toBe('orgId');
    expect((await call(secB, 'GET', `/api/appraisals/${id}`)).statusCode).toBe(404);
  });

  it('probationary members take part without a grade; low grades need the committee opinion', async () => {
    const d = await detail(id);
    const probationary = entryOf(d, '郑七');
    expect(probationary.memberStatus).toBe('probationary');
    const refused = await grade(id, probationary, 'qualified');
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields[0].message).toBe('预备党员参加民主评议，但不评定等次');
    const ok = await grade(id, probationary, null, { selfAssessment: '认真学习，积极参加组织生活。' });
    expect(ok.statusCode).toBe(200);
    const low = await grade(id, entryOf(d, '吴六'), 'basically_qualified');
    expect(low.json().error.fields[0]).toMatchObject({ path: 'committeeOpinion' });
  });

  it('enforces excellent ≤ 1/3 of the graded members (6 full → 2)', async () => {
    let d = await detail(id);
    expect((await grade(id, entryOf(d, '赵一'), 'excellent')).statusCode).toBe(200);
    expect((await grade(id, entryOf(d, '钱二'), 'excellent')).statusCode).toBe(200);
    const third = await grade(id, entryOf(d, '孙三'), 'excellent');
    expect(third.statusCode).toBe(400);
    expect(third.json().error.fields[0].message).toContain('优秀最多2人');
    // A stale version is refused.
    const stale = await grade(id, entryOf(d, '赵一'), 'qualified');
    expect(stale.statusCode).toBe(409);
    d = await detail(id);
    expect(d.counts).toMatchObject({ excellent: 2, graded: 2 });
    const mutualTooMany = await grade(id, entryOf(d, '孙三'), 'qualified', {
      mutual: { excellent: 5, qualified: 5, basicallyQualified: 0, unqualified: 0 },
    });
    expect(mutualTooMany.json().error.fields[0].path).toBe('mutual');
  });

  it('closes only when every full member is graded, and writes each result to the member timeline', async () => {
    let d = await detail(id);
    expect((await call(sec, 'POST', `/api/appraisals/${id}/close`)).statusCode).toBe(409);
    for (const name of ['孙三', '李四', '周五']) {
      const res = await grade(id, entryOf(d, name), 'qualified', {
        mutual: { excellent: 1, qualified: 5, basicallyQualified: 1, unqualified: 0 },
      });
      expect(res.statusCode, res.body).toBe(200);
    }
    const low = await grade(id, entryOf(d, '吴六'), 'basically_qualified', { committeeOpinion: '参加组织生活不够经常' });
    expect(low.statusCode).toBe(200);
    d = await detail(id);
    expect(d.closeIssues).toEqual([]);
    expect(d.abilities.close).toBe(true);
    expect((await call(sec, 'POST', `/api/appraisals/${id}/close`)).statusCode).toBe(200);
    d = await detail(id);
    expect(d.status).toBe('closed');
    expect(d.abilities).toEqual({ edit: false, close: false });
    expect((await grade(id, entryOf(d, '周五'), 'excellent')).statusCode).toBe(409);
    const timeline = (await call(sec, 'GET', `/api/members/${entryOf(d, '赵一').memberId}/timeline`)).json();
    expect(timeline.items[0]).toMatchObject({ action: 'appraisal' });
    expect(timeline.items[0].reason).toContain('评定为「优秀」');
    const p = (await call(sec, 'GET', `/api/members/${entryOf(d, '郑七').memberId}/timeline`)).json();
    expect(p.items[0].reason).toContain('预备党员不评定等次');
    const audited = await t.deps.db.selectFrom('audit_log').select('type').where('type', 'like', 'appraisal.%').execute();
    expect(new Set(audited.map((a) => a.type))).toEqual(new Set(['appraisal.open', 'appraisal.assess', 'appraisal.close']));
  });

  it('refreshes the participants of an open appraisal from the ledger; assessed entries stay', async () => {
    const year = 2024;
    const opened = await call(sec, 'POST', '/api/appraisals', { orgId: tree.branchA1, year });
    expect(opened.statusCode).toBe(201);
    const aid = opened.json().id as string;
    let d = await detail(aid);
    const before = d.entries.length;
    // One member leaves untouched, one leaves after being assessed, one joins.
    const [gone, assessed] = [entryOf(d, '李四'), entryOf(d, '周五')];
    expect((await grade(aid, assessed, 'qualified')).statusCode).toBe(200);
    for (const e of [gone, assessed]) {
      const m = (await call(sec, 'GET', `/api/members/${e.memberId}`)).json();
      const res = await call(sec, 'POST', `/api/members/${e.memberId}/archive`, { reason: 'deceased', on: '2024-12-01' });
      expect(res.statusCode, `${m.name} ${res.body}`).toBe(200);
    }
    const joined = await call(sec, 'POST', '/api/members', memberBody(tree.branchA1, { name: '新来的' }));
    expect(joined.statusCode).toBe(201);
    const res = await call(sec, 'POST', `/api/appraisals/${aid}/refresh`);
    expect(res.json()).toEqual({ added: 1, removed: 1 });
    d = await detail(aid);
    expect(d.entries).toHaveLength(before);
    expect(d.entries.map((e: Entry) => e.memberName)).toEqual(expect.arrayContaining(['新来的', '周五']));
    expect(d.entries.map((e: Entry) => e.memberName)).not.toContain('李四');
    expect((await call(secB, 'POST', `/api/appraisals/${aid}/refresh`)).statusCode).toBe(404);
    expect((await call(sec, 'POST', `/api/appraisals/${id}/refresh`)).statusCode).toBe(409);
  });

  it('lists appraisals in scope only', async () => {
    const mine = (await call(sec, 'GET', '/api/appraisals')).json();
    expect(mine.items.map((a: { id: string }) => a.id)).toContain(id);
    expect(mine.total).toBe(2);
    expect((await call(secB, 'GET', '/api/appraisals')).json().total).toBe(0);
  });
});
