import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../src/demo/seed.js';
import { DEMO_PASSWORD } from '../src/demo/world.js';
import { signIn, testApp } from './support.js';

let t: Awaited<ReturnType<typeof testApp>>;
beforeAll(async () => {
  t = await testApp();
  await seedDemo(t.deps);
});
afterAll(() => t.close());

describe('demo online governance', () => {
  it('has two pledges with signatures, a matrix, a hot event with relay tasks in every state and a rebuttal library', async () => {
    const city = await signIn(t.app, 'city_admin', DEMO_PASSWORD);
    const get = (url: string, headers = city.headers) => t.app.inject({ method: 'GET', url, headers });
    const pledges = (await get('/api/governance/pledges')).json().items;
    expect(pledges).toHaveLength(2);
    for (const p of pledges) expect(p.counts.signed).toBeGreaterThan(0);
    expect(pledges.some((p: { counts: { outdated: number } }) => p.counts.outdated > 0)).toBe(true);
    expect((await get('/api/governance/media-accounts')).json().total).toBeGreaterThan(30);
    const events = (await get('/api/governance/events')).json().items;
    expect(events).toHaveLength(1);
    const states = new Set<string>();
    for (const r of events[0].releases)
      for (const [k, v] of Object.entries(r.progress)) if (k !== 'total' && Number(v) > 0) states.add(k);
    expect(states).toEqual(new Set(['open', 'overdue', 'done', 'late']));
    expect((await get('/api/governance/rebuttals')).json().total).toBeGreaterThanOrEqual(24);

    // Both demo contacts have an open relay task and see only their own enterprise's accounts.
    for (const username of ['enterprise', 'enterprise2']) {
      const s = await signIn(t.app, username, DEMO_PASSWORD);
      const tasks = (await get('/api/governance/relay-tasks', s.headers)).json().items;
      expect(tasks.filter((x: { state: string }) => x.state === 'open')).toHaveLength(1);
      const owners = new Set(
        (await get('/api/governance/media-accounts', s.headers)).json().items.map((a: { owner: { id: string } }) => a.owner.id),
      );
      expect(owners.size).toBe(1);
    }
    const member = await signIn(t.app, 'member', DEMO_PASSWORD);
    const mine = (await get('/api/governance/rumour-reports', member.headers)).json().items;
    expect(mine.map((r: { status: string }) => r.status).sort()).toEqual(['answered', 'pending']);
  });
});
