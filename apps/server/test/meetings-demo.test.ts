import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../src/demo/seed.js';
import { filesDir } from '../src/platform/files/store.js';
import { signIn, testApp } from './support.js';

const DEMO_PASSWORD = 'Tongxin@2026';
let t: Awaited<ReturnType<typeof testApp>>;
beforeAll(async () => {
  t = await testApp();
  t.clock.set('2026-11-26T02:00:00Z');
  await seedDemo(t.deps);
});
afterAll(() => t.close());

const orgId = async (name: string) =>
  (await t.deps.db.selectFrom('org').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;

describe('demo organisational life', () => {
  it('the city grid shows mostly on-time branches, some gaps, some 补开, and this period still open', async () => {
    const city = await signIn(t.app, 'city_admin', DEMO_PASSWORD);
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/meetings/compliance?orgId=${await orgId('中共泸州市互联网行业委员会')}&year=2026&kind=committee_meeting&pageSize=200`,
      headers: city.headers,
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.branchCount).toBeGreaterThan(40);
    const counts = body.kinds.find((k: { kind: string }) => k.kind === 'committee_meeting').counts;
    expect(counts.on_time).toBeGreaterThan(counts.missing * 2);
    expect(counts.missing).toBeGreaterThan(0);
    const all = body.kinds.reduce((n: number, k: { counts: { made_up: number } }) => n + k.counts.made_up, 0);
    expect(all).toBeGreaterThan(0);
    expect(body.periods.find((p: { key: string }) => p.key === '2026-11').counts.due).toBeGreaterThan(0);
    // A branch founded mid-year is not asked for the months before it.
    const young = body.rows.items.find((r: { measuredFrom: string }) => r.measuredFrom > '2026-01-01');
    expect(young.cells[0].status).toBe('not_required');
  });

  it('the demo secretary’s branch has photos on real files, and its meeting detail shows attendance and a vote', async () => {
    const secretary = await signIn(t.app, 'secretary', DEMO_PASSWORD);
    const yunzhi = await orgId('泸州云智科技有限公司党支部');
    const list = await t.app.inject({
      method: 'GET',
      url: `/api/meetings?orgId=${yunzhi}&pageSize=100`,
      headers: secretary.headers,
    });
    const withPhoto = list.json().items.filter((m: { photos: number }) => m.photos > 0);
    expect(withPhoto.length).toBeGreaterThan(0);
    const detail = (
      await t.app.inject({ method: 'GET', url: `/api/meetings/${withPhoto[0].id}`, headers: secretary.headers })
    ).json();
    expect(detail.attendees.length).toBeGreaterThan(10);
    const photo = await t.app.inject({
      method: 'GET',
      url: `/api/attachments/${detail.attachments[0].id}`,
      headers: secretary.headers,
    });
    expect(photo.statusCode).toBe(200);
    expect(photo.rawPayload.subarray(1, 4).toString()).toBe('PNG');
    const row = await t.deps.db
      .selectFrom('attachment')
      .select('storage_name')
      .where('id', '=', detail.attachments[0].id)
      .executeTakeFirstOrThrow();
    expect(fs.existsSync(path.join(filesDir(t.deps.config.dataDir), row.storage_name))).toBe(true);
    const votes = await t.deps.db.selectFrom('meeting_resolution').select('passed').where('voted', '=', 1).execute();
    expect(votes.length).toBeGreaterThan(0);
  });

  it('held demo meetings carry rich-text minutes that the sanitiser keeps as they are', async () => {
    const { sanitizeMinutes } = await import('../src/modules/meetings/minutes-html.js');
    const rows = await t.deps.db
      .selectFrom('meeting')
      .select(['kind', 'minutes'])
      .where('status', '=', 'held')
      .where('minutes', 'is not', null)
      .limit(200)
      .execute();
    expect(rows.length).toBeGreaterThan(50);
    for (const r of rows) expect(sanitizeMinutes(r.minutes)).toBe(r.minutes);
    const general = rows.find((r) => r.kind === 'general_meeting')!;
    expect(general.minutes).toMatch(/<ol><li>.+<\/li><\/ol>.*<strong>会议决定：<\/strong>/);
  });
});
