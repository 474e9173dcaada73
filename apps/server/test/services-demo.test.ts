import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../src/demo/seed.js';
import { seedDemoServices } from '../src/demo/service-seed.js';
import { DEMO_PASSWORD } from '../src/demo/world.js';
import { beijingDate } from '../src/platform/clock.js';
import { addEnterprise } from './services.support.js';
import { signIn, testApp } from './support.js';

let t: Awaited<ReturnType<typeof testApp>>;
beforeAll(async () => {
  t = await testApp();
  await seedDemo(t.deps);
  // Before the enterprise demo is on this branch, the test gives the demo a few enterprises of its own.
  const seeded = await t.deps.db.selectFrom('service_request').select('id').limit(1).execute();
  if (seeded.length === 0) {
    const org = async (name: string) =>
      (await t.deps.db.selectFrom('org').select('id').where('name', 'like', `${name}%`).orderBy('name').executeTakeFirstOrThrow())
        .id;
    const jiangyang = await org('中共泸州市江阳区');
    const longmatan = await org('中共泸州市龙马潭区');
    for (let i = 0; i < 9; i += 1) {
      await addEnterprise(t.deps, `演示企业${i}号科技有限公司`, i % 2 ? longmatan : jiangyang, null);
    }
    const orgIds = new Map<string, string>([
      ['jiangyang', jiangyang],
      ['longmatan', longmatan],
      ['jy-jiucheng', jiangyang],
    ]);
    const passwordHash = await t.deps.crypto.hashPassword(DEMO_PASSWORD);
    await t.deps.db.transaction().execute((trx) => seedDemoServices(trx, { orgIds, passwordHash, now: t.deps.clock.now() }));
  }
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
      // Raised by a contact of that very enterprise (no one speaks for an enterprise it is not linked to).
      const link = await db
        .selectFrom('enterprise_contact')
        .select('user_id')
        .where('enterprise_id', '=', r.enterprise_id)
        .where('user_id', '=', r.raised_by)
        .executeTakeFirst();
      expect(link).toBeDefined();
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
  });
});
