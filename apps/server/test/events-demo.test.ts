import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../src/demo/seed.js';
import { DEMO_PASSWORD } from '../src/demo/world.js';
import { type Session, signIn, testApp } from './support.js';

let t: Awaited<ReturnType<typeof testApp>>;
const s = {} as Record<'city_admin' | 'secretary' | 'member', Session>;
beforeAll(async () => {
  t = await testApp();
  t.clock.set('2026-11-20T02:00:00Z');
  await seedDemo(t.deps);
  for (const name of Object.keys({ city_admin: 1, secretary: 1, member: 1 }) as (keyof typeof s)[]) {
    s[name] = await signIn(t.app, name, DEMO_PASSWORD);
  }
});
afterAll(() => t.close());

const get = (who: Session, url: string) => t.app.inject({ method: 'GET', url, headers: who.headers });

describe('demo events and study hours', () => {
  it('four quarterly salons; the held ones have participants of all four parties checked in', async () => {
    const list = (await get(s.city_admin, '/api/events?pageSize=100')).json();
    const salons = list.items.filter((e: { kind: string }) => e.kind === 'salon');
    expect(salons).toHaveLength(4);
    const held = salons.find((e: { endsAt: string }) => e.endsAt < '2026-11-20');
    const detail = (await get(s.city_admin, `/api/events/${held.id}`)).json();
    for (const c of detail.byCategory) expect(c.checkedIn, c.category).toBeGreaterThan(0);
    expect(detail.summary).toBeTruthy();
  });

  it('the member has a realistic year of study hours and sees the city’s salons', async () => {
    const hours = (await get(s.member, '/api/my/study-hours?year=2026')).json();
    expect(hours.hours).toBeGreaterThanOrEqual(16);
    expect(hours.hours).toBeLessThan(80);
    const my = (await get(s.member, '/api/my')).json();
    expect(my).toMatchObject({ linked: true, member: { name: '刘晓燕' } });
    expect(my.events.length).toBeGreaterThanOrEqual(1);
    const secretary = (await get(s.secretary, '/api/my/study-hours?year=2026')).json();
    expect(secretary.target).toBe(56);
  });
});
