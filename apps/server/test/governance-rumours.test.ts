import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { governanceWorld, rebuttalFor } from './governance.support.js';
import { testApp } from './support.js';

let t: Awaited<ReturnType<typeof testApp>>;
let w: Awaited<ReturnType<typeof governanceWorld>>;
beforeAll(async () => {
  t = await testApp();
  w = await governanceWorld(t);
});
afterAll(() => t.close());

const titles = (res: { json: () => { items: { title: string }[] } }) => res.json().items.map((i) => i.title);

describe('rumour rebuttals (谣言识别)', () => {
  it('the library is searched by keyword, full pinyin and initials', async () => {
    for (const title of ['某平台用户数据泄露', '地铁停运传言', '外卖平台取消骑手保险']) {
      expect((await w.call('city', 'POST', '/api/governance/rebuttals', rebuttalFor(w.tree.city, title))).statusCode).toBe(201);
    }
    expect(titles(await w.call('member', 'GET', '/api/governance/rebuttals?q=泄露'))).toEqual(['某平台用户数据泄露']);
    expect(titles(await w.call('enterprise', 'GET', '/api/governance/rebuttals?q=ditie'))).toEqual(['地铁停运传言']);
    expect(titles(await w.call('enterprise', 'GET', '/api/governance/rebuttals?q=wmpt'))).toEqual(['外卖平台取消骑手保险']);
    expect((await w.call('member', 'GET', '/api/governance/rebuttals?q=%25')).json().total).toBe(0);
    expect((await w.call('member', 'GET', '/api/governance/rebuttals')).json().total).toBe(3);
  });

  it('a member submits a suspected rumour with a screenshot; the committee links a rebuttal and answers; the member sees it', async () => {
    const shot = await w.upload('member', 'rumour_report', w.tree.branchA1);
    expect(shot.statusCode).toBe(201);
    const bad = await w.call('member', 'POST', '/api/governance/rumour-reports', {
      orgId: w.tree.branchA1,
      text: '听说地铁明天全线停运',
      url: 'javascript:alert(document.cookie)',
    });
    expect(bad.statusCode).toBe(400);
    const sub = await w.call('member', 'POST', '/api/governance/rumour-reports', {
      orgId: w.tree.branchA1,
      text: '听说地铁明天全线停运',
      url: 'https://weibo.com/x/1',
      screenshotIds: [shot.json().id],
    });
    expect(sub.statusCode, sub.body).toBe(201);
    const id = sub.json().id;
    // Not the member's to answer; another district does not see it.
    expect(
      (
        await w.call('member', 'POST', `/api/governance/rumour-reports/${id}/answer`, {
          verdict: 'rumour',
          answer: '不实信息',
          officialUrl: 'https://a.cn/',
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await w.call('districtB', 'POST', `/api/governance/rumour-reports/${id}/answer`, {
          verdict: 'rumour',
          answer: '不实信息',
          officialUrl: 'https://a.cn/',
        })
      ).statusCode,
    ).toBe(404);
    const queue = (await w.call('districtA', 'GET', '/api/governance/rumour-reports?view=queue')).json();
    expect(queue.items.map((r: { id: string }) => r.id)).toEqual([id]);
    expect(JSON.stringify((await w.call('districtA', 'GET', '/api/todos')).json())).toContain('rumour-pending');
    expect((await w.call('districtB', 'GET', '/api/governance/rumour-reports?view=queue')).json().items).toEqual([]);
    // An answer names a rebuttal or an official source.
    expect(
      (
        await w.call('districtA', 'POST', `/api/governance/rumour-reports/${id}/answer`, {
          verdict: 'rumour',
          answer: '不实信息',
        })
      ).statusCode,
    ).toBe(400);
    const lib = (await w.call('districtA', 'GET', '/api/governance/rebuttals?q=地铁')).json().items[0];
    const ans = await w.call('districtA', 'POST', `/api/governance/rumour-reports/${id}/answer`, {
      verdict: 'rumour',
      answer: '经核实为谣言，地铁正常运营。',
      rebuttalId: lib.id,
    });
    expect(ans.statusCode, ans.body).toBe(200);
    const mine = (await w.call('member', 'GET', '/api/governance/rumour-reports')).json().items[0];
    expect(mine).toMatchObject({ status: 'answered', verdict: 'rumour', rebuttal: { title: '地铁停运传言' } });
    expect((await w.call('member', 'GET', `/api/attachments/${mine.screenshots[0].id}`)).statusCode).toBe(200);
    expect((await w.call('districtB', 'GET', `/api/attachments/${mine.screenshots[0].id}`)).statusCode).toBe(404);
    expect(
      (
        await w.call('districtA', 'POST', `/api/governance/rumour-reports/${id}/answer`, {
          verdict: 'true',
          answer: '再答一次',
          officialUrl: 'https://a.cn/',
        })
      ).statusCode,
    ).toBe(409);
  });
});
