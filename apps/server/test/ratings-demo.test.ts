import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../src/demo/seed.js';
import { DEMO_PASSWORD } from '../src/demo/world.js';
import { type Session, signIn, testApp } from './support.js';

let t: Awaited<ReturnType<typeof testApp>>;
const s = {} as Record<'city_admin' | 'secretary' | 'jiangyang_admin', Session>;
beforeAll(async () => {
  t = await testApp();
  await seedDemo(t.deps);
  for (const name of ['city_admin', 'secretary', 'jiangyang_admin'] as const) s[name] = await signIn(t.app, name, DEMO_PASSWORD);
});
afterAll(() => t.close());

const get = (who: Session, url: string) => t.app.inject({ method: 'GET', url, headers: who.headers });
const cityId = async () =>
  (await t.deps.db.selectFrom('org').select('id').where('parent_id', 'is', null).executeTakeFirstOrThrow()).id;

describe("the demo world answers the source case's figures", () => {
  it('12 branches rated, 4 at four stars or more, 6 incubated, 4 showcases (the star map of the city)', async () => {
    const map = (await get(s.city_admin, `/api/ratings/star-map?orgId=${await cityId()}`)).json();
    expect(map).toMatchObject({ rated: 12, atLeastFour: 4, incubations: 6, showcases: 4 });
    expect(map.byStars['5']).toBe(1);
    const showcases = (await get(s.city_admin, `/api/ratings/showcases?orgId=${await cityId()}&kind=incubation`)).json();
    expect(showcases.items).toHaveLength(6);
    expect(showcases.items.every((c: { mentorName: string; targets: unknown[] }) => c.mentorName && c.targets.length > 0)).toBe(
      true,
    );
  });

  it("this year's round is open and the secretary may rate its branch, with facts from the data", async () => {
    const rounds = (await get(s.secretary, '/api/ratings/rounds')).json();
    expect(rounds.items.map((r: { status: string }) => r.status)).toEqual(['open', 'published']);
    const board = (await get(s.secretary, `/api/ratings/rounds/${rounds.items[0].id}`)).json();
    expect(board.ratings).toHaveLength(1);
    expect(board.ratings[0].abilities.selfRate).toBe(true);
    const rating = (await get(s.secretary, `/api/ratings/${board.ratings[0].id}`)).json();
    expect(rating.facts.membersFull).toBeGreaterThan(0);
    expect(rating.facts.meetingsOnTime).toBeGreaterThan(0);
    const stars = (await get(s.secretary, `/api/ratings/stars?orgId=${board.ratings[0].orgId}`)).json();
    expect(stars.current.stars).toBe(5);
  });
});
