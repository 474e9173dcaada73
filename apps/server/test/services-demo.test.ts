import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../src/demo/seed.js';
import { DEMO_PASSWORD } from '../src/demo/world.js';
import { beijingDate } from '../src/platform/clock.js';
import { signIn, testApp } from './support.js';

let t: Awaited<ReturnType<typeof testApp>>;
beforeAll(async () => {
  t = await testApp();
  await seedDemo(t.deps);
});
afterAll(() => t.close());

describe('demo service requests', () => {
  it('has requests in every state, overdue ones still unanswered, and threads that end where the status says', async () => {
    const db = t.deps.db;
    const rows = await db.selectFrom('service_request').selectAll().execute();
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(['open', 'in_progress', 'answered', 'closed', 'withdrawn']));
    const today = beijingDate(t.deps.clock.now());
    expect(rows.some((r) => r.status === 'open' && r.due_on < today)).toBe(true);
    expect(rows.some((r) => r.status === 'in_progress' && r.due_on < today)).toBe(true);
    expect(rows.filter((r) => r.status === 'closed').every((r) => r.rating !== null && r.rating >= 1 && r.rating <= 5)).toBe(
      true,
    );
    expect(rows.some((r) => Number(r.reopen_count) > 0 && r.status === 'closed')).toBe(true);
    const last: Record<string, string> = {
      answer: 'answered',
      close: 'closed',
      withdraw: 'withdrawn',
      reopen: 'in_progress',
      assign: 'in_progress',
      raise: 'open',
    };
    for (const r of rows) {
      const events = await db
        .selectFrom('service_request_event')
        .selectAll()
        .where('request_id', '=', r.id)
        .orderBy('at')
        .execute();
      expect(events[0]!.kind).toBe('raise');
      const steps = events.filter((e) => e.kind !== 'message');
      expect(last[steps[steps.length - 1]!.kind]).toBe(r.status);
      // Raised by a contact of that very enterprise, or by the secretary of the org covering it (no one speaks
      // for an enterprise it is not linked to).
      const link = await db
        .selectFrom('enterprise_contact')
        .select('user_id')
        .where('enterprise_id', '=', r.enterprise_id)
        .where('user_id', '=', r.raised_by)
        .executeTakeFirst();
      const secretary = await db
        .selectFrom('role_grant')
        .select('user_id')
        .where('user_id', '=', r.raised_by)
        .where('role', '=', 'secretary')
        .where('org_id', '=', r.covering_org_id ?? '')
        .executeTakeFirst();
      expect(link ?? secretary).toBeDefined();
    }
  });

  it('shows the demo enterprise contact its enterprise’s requests, one waiting for a rating, the district its queue and the city the overdue ones', async () => {
    const contact = await signIn(t.app, 'enterprise', DEMO_PASSWORD);
    const mine = (await t.app.inject({ method: 'GET', url: '/api/service-requests/raised', headers: contact.headers })).json();
    expect(mine.total).toBe(3);
    expect(mine.items[0].status).toBe('answered');
    const admin = await signIn(t.app, 'jiangyang_admin', DEMO_PASSWORD);
    const queue = (await t.app.inject({ method: 'GET', url: '/api/service-requests?view=all', headers: admin.headers })).json();
    expect(queue.total).toBeGreaterThanOrEqual(3);
    // The main demo district has work on every tab: its own, unassigned and overdue requests.
    expect(queue.counts.mine).toBeGreaterThan(0);
    expect(queue.counts.unassigned).toBeGreaterThan(0);
    expect(queue.counts.overdue).toBeGreaterThan(0);
    const city = await signIn(t.app, 'city_admin', DEMO_PASSWORD);
    const overdue = (
      await t.app.inject({ method: 'GET', url: '/api/service-requests?view=overdue', headers: city.headers })
    ).json();
    expect(overdue.total).toBeGreaterThanOrEqual(2);
    expect(overdue.counts.all).toBeGreaterThan(overdue.total);
  });

  it('lets the demo secretary raise for the enterprise its branch covers', async () => {
    const secretary = await signIn(t.app, 'secretary', DEMO_PASSWORD);
    const choices = (
      await t.app.inject({ method: 'GET', url: '/api/service-requests/enterprises', headers: secretary.headers })
    ).json();
    expect(choices.items.map((c: { name: string }) => c.name)).toContain('泸州云智科技有限公司');
    const me = (await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: secretary.headers })).json();
    expect(me.abilities).toMatchObject({ serviceRaise: true, serviceQueue: false });
    const mine = (await t.app.inject({ method: 'GET', url: '/api/service-requests/raised', headers: secretary.headers })).json();
    expect(mine.items.map((i: { raisedByName: string; status: string }) => [i.raisedByName, i.status])).toEqual([
      ['张志强', 'in_progress'],
    ]);
  });
});
