import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { governanceWorld, HOUR, releaseBody } from './governance.support.js';
import { testApp } from './support.js';

let t: Awaited<ReturnType<typeof testApp>>;
let w: Awaited<ReturnType<typeof governanceWorld>>;
beforeAll(async () => {
  t = await testApp();
  w = await governanceWorld(t);
});
afterAll(() => t.close());

describe('official releases and relay tasks (权威信息 / 转发任务)', () => {
  it('publishes a release with relay tasks; each reports; a late report is accepted and marked; the committee sees completion', async () => {
    const ev = await w.call('city', 'POST', '/api/governance/events', {
      orgId: w.tree.city,
      title: '网传数据泄露事件',
      summary: '网传某平台用户数据泄露，引发关注。',
    });
    expect(ev.statusCode).toBe(201);
    const eventId = ev.json().id;
    const targets = (await w.call('city', 'GET', `/api/governance/events/${eventId}/targets`)).json();
    expect(targets.enterprises.map((e: { name: string }) => e.name)).toContain('甲二网络有限公司');
    const image = await w.upload('city', 'official_release', w.tree.city);
    expect(image.statusCode).toBe(201);
    const deadline = new Date(t.clock.now().getTime() + 24 * HOUR).toISOString();
    const pub = await w.call(
      'city',
      'POST',
      `/api/governance/events/${eventId}/releases`,
      releaseBody(
        [
          { kind: 'enterprise', id: w.ent.a2 },
          { kind: 'enterprise', id: w.ent.b1 },
          { kind: 'org', id: w.tree.branchA1 },
        ],
        deadline,
        { imageIds: [image.json().id] },
      ),
    );
    expect(pub.statusCode, pub.body).toBe(201);
    const releaseId = pub.json().id;

    // The contact's to-do reminds it before the deadline.
    const todos = (await w.call('enterprise', 'GET', '/api/todos')).json();
    expect(JSON.stringify(todos)).toContain('relay-due');

    const mine = (await w.call('enterprise', 'GET', '/api/governance/relay-tasks')).json().items;
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ target: { id: w.ent.a2 }, state: 'open', abilities: { report: true } });

    // Bad input: a javascript: link, no screenshot, a screenshot that is not an image upload.
    const shotA2 = (await w.upload('enterprise', 'relay_report', w.tree.city)).json().id;
    const bad = await w.call('enterprise', 'POST', `/api/governance/relay-tasks/${mine[0].id}/report`, {
      url: 'javascript:alert(1)',
      screenshotIds: [shotA2],
    });
    expect(bad.statusCode).toBe(400);
    expect(
      (
        await w.call('enterprise', 'POST', `/api/governance/relay-tasks/${mine[0].id}/report`, {
          url: 'https://weibo.com/1',
          screenshotIds: [],
        })
      ).statusCode,
    ).toBe(400);
    const ok = await w.call('enterprise', 'POST', `/api/governance/relay-tasks/${mine[0].id}/report`, {
      url: 'https://weibo.com/jiaer/123',
      note: '已在官方微博转发',
      screenshotIds: [shotA2],
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toEqual({ late: false });
    expect(
      (
        await w.call('enterprise', 'POST', `/api/governance/relay-tasks/${mine[0].id}/report`, {
          url: 'https://weibo.com/jiaer/123',
          screenshotIds: [shotA2],
        })
      ).statusCode,
    ).toBe(409);

    // After the deadline 乙一 still reports: accepted, marked late. (The deadline is moved into the past here:
    // moving the clock a day on would end the test sessions.)
    const passed = new Date(t.clock.now().getTime() - HOUR).toISOString();
    await t.deps.db
      .updateTable('relay_task')
      .set({ deadline_at: passed })
      .where('release_id', '=', releaseId)
      .where('reported_at', 'is', null)
      .execute();
    const taskB1 = (await w.as('contactB1', 'GET', '/api/governance/relay-tasks')).json().items[0];
    expect(taskB1.state).toBe('overdue');
    const shotB1 = (await w.upload('contactB1', 'relay_report', w.tree.city)).json().id;
    const late = await w.as('contactB1', 'POST', `/api/governance/relay-tasks/${taskB1.id}/report`, {
      url: 'https://www.douyin.com/video/1',
      screenshotIds: [shotB1],
    });
    expect(late.statusCode).toBe(200);
    expect(late.json()).toEqual({ late: true });

    const view = (await w.call('city', 'GET', `/api/governance/releases/${releaseId}`)).json();
    expect(view.progress).toEqual({ total: 3, open: 0, overdue: 1, done: 1, late: 1 });
    expect(view.images).toHaveLength(1);
    const byName = Object.fromEntries(
      view.tasks.map((x: { target: { name: string }; state: string }) => [x.target.name, x.state]),
    );
    expect(byName).toEqual({ 甲二网络有限公司: 'done', 乙一传媒有限公司: 'late', 甲一科技有限公司党支部: 'overdue' });
    // The committee reads the screenshot; another enterprise does not.
    const shot = view.tasks.find((x: { target: { name: string } }) => x.target.name === '甲二网络有限公司').screenshots[0].id;
    expect((await w.call('city', 'GET', `/api/attachments/${shot}`)).statusCode).toBe(200);
    expect((await w.as('contactB1', 'GET', `/api/attachments/${shot}`)).statusCode).toBe(404);
    // A relaying enterprise sees the release and its own task only.
    const seen = (await w.call('enterprise', 'GET', `/api/governance/releases/${releaseId}`)).json();
    expect(seen.tasks.map((x: { target: { id: string } }) => x.target.id)).toEqual([w.ent.a2]);
    expect(seen.abilities.export).toBe(false);

    const xlsx = await w.call('city', 'GET', `/api/governance/releases/${releaseId}/export`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const audit = await t.deps.db
      .selectFrom('audit_log')
      .select(['type', 'detail'])
      .where('type', '=', 'governance.relay_export')
      .executeTakeFirst();
    expect(audit?.type).toBe('governance.relay_export');

    // The secretary of 甲一's branch relays the organisation's task.
    const orgTask = (await w.call('secretary', 'GET', '/api/governance/relay-tasks')).json().items[0];
    expect(orgTask.target.name).toBe('甲一科技有限公司党支部');
  });

  it('refuses a deadline in the past and targets outside the committee', async () => {
    const ev = await w.call('districtA', 'POST', '/api/governance/events', {
      orgId: w.tree.districtA,
      title: '甲区热点',
      summary: '甲区网络热点事件',
    });
    const eventId = ev.json().id;
    const past = new Date(t.clock.now().getTime() - HOUR).toISOString();
    const future = new Date(t.clock.now().getTime() + HOUR).toISOString();
    const r1 = await w.call(
      'districtA',
      'POST',
      `/api/governance/events/${eventId}/releases`,
      releaseBody([{ kind: 'enterprise', id: w.ent.a1 }], past),
    );
    expect(r1.statusCode).toBe(400);
    expect(r1.json().error.fields[0].path).toBe('deadlineAt');
    const r2 = await w.call(
      'districtA',
      'POST',
      `/api/governance/events/${eventId}/releases`,
      releaseBody([{ kind: 'enterprise', id: w.ent.b1 }], future),
    );
    expect(r2.statusCode).toBe(400);
    expect(r2.json().error.fields[0].path).toBe('targets');
    const r3 = await w.call(
      'districtA',
      'POST',
      `/api/governance/events/${eventId}/releases`,
      releaseBody([{ kind: 'enterprise', id: w.ent.a1 }], future, { link: 'javascript:void(0)' }),
    );
    expect(r3.statusCode).toBe(400);
  });
});
