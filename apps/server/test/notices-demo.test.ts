import { APPRAISAL_GRADES } from '@tongxin/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../src/demo/seed.js';
import { DEMO_PASSWORD } from '../src/demo/world.js';
import { type Session, signIn, testApp } from './support.js';

let t: Awaited<ReturnType<typeof testApp>>;
const s = {} as Record<'city_admin' | 'secretary' | 'member', Session>;
beforeAll(async () => {
  t = await testApp();
  await seedDemo(t.deps);
  for (const name of Object.keys({ city_admin: 1, secretary: 1, member: 1 }) as (keyof typeof s)[]) {
    s[name] = await signIn(t.app, name, DEMO_PASSWORD);
  }
});
afterAll(() => t.close());

const get = (who: Session, url: string) => t.app.inject({ method: 'GET', url, headers: who.headers });

describe('demo notices, appraisals and to-dos', () => {
  it('the city sent notices; some are read, some not; the sender sees who has not read', async () => {
    const sent = (await get(s.city_admin, '/api/notices?box=sent')).json();
    expect(sent.total).toBeGreaterThanOrEqual(2);
    const first = sent.items.find((n: { readCount: number }) => n.readCount > 0);
    expect(first).toBeDefined();
    const receipts = (await get(s.city_admin, `/api/notices/${first.id}/receipts?view=people&unread=true`)).json();
    expect(receipts.recipients).toBeGreaterThan(receipts.read);
    expect(receipts.people.length).toBeGreaterThan(0);
    const inbox = (await get(s.secretary, '/api/notices')).json();
    expect(inbox.total).toBeGreaterThanOrEqual(3);
    expect(inbox.unread).toBeGreaterThanOrEqual(1);
  });

  it('the secretary has to-dos: an unread notice and the appraisal in progress', async () => {
    const todos = (await get(s.secretary, '/api/todos')).json();
    const kinds = todos.groups.map((g: { kind: string }) => g.kind);
    expect(kinds).toEqual(expect.arrayContaining(['notice-unread', 'appraisal-open']));
    expect((await get(s.member, '/api/todos')).json().groups.map((g: { kind: string }) => g.kind)).toContain('notice-unread');
  });

  it('a probation followed by a development file is one to-do (the file’s), not two', async () => {
    type Group = { kind: string; items: { title: string }[] };
    const groups: Group[] = (await get(s.secretary, '/api/todos')).json().groups;
    const names = (kinds: string[], pattern: RegExp) =>
      groups
        .filter((g) => kinds.includes(g.kind))
        .flatMap((g) => g.items.map((i) => pattern.exec(i.title)?.[1]))
        .filter((n): n is string => !!n);
    const development = names(['development-due', 'development-overdue'], /^([^：]+)：/);
    const probation = names(['probation-due'], /^([^（]+)（/);
    expect(development.length).toBeGreaterThan(0);
    expect(probation.filter((n) => development.includes(n))).toEqual([]);
  });

  it('last year’s appraisals are closed within the 1/3 rule, with results on the members’ timelines', async () => {
    const list = (await get(s.city_admin, '/api/appraisals?status=closed')).json();
    expect(list.total).toBe(3);
    for (const a of list.items) {
      expect(a.counts.graded).toBe(a.counts.full);
      expect(a.counts.excellent).toBeLessThanOrEqual(a.counts.maxExcellent);
      expect(a.counts.excellent).toBeGreaterThan(0);
    }
    const detail = (await get(s.city_admin, `/api/appraisals/${list.items[0].id}`)).json();
    for (const e of detail.entries) {
      expect(e.memberStatus === 'probationary' ? e.grade === null : APPRAISAL_GRADES.includes(e.grade)).toBe(true);
    }
    const timeline = (await get(s.city_admin, `/api/members/${detail.entries[0].memberId}/timeline`)).json();
    expect(timeline.items.map((h: { action: string }) => h.action)).toContain('appraisal');
    const open = (await get(s.secretary, '/api/appraisals?status=open')).json();
    expect(open.total).toBe(1);
    expect(open.items[0].counts.graded).toBeGreaterThan(0);
    expect(open.items[0].counts.graded).toBeLessThan(open.items[0].counts.full);
  });
});
