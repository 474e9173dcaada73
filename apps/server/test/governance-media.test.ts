import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountBody, governanceWorld } from './governance.support.js';
import { testApp } from './support.js';

let t: Awaited<ReturnType<typeof testApp>>;
let w: Awaited<ReturnType<typeof governanceWorld>>;
beforeAll(async () => {
  t = await testApp();
  w = await governanceWorld(t);
});
afterAll(() => t.close());

const names = (res: { json: () => { items: { name: string }[] } }) =>
  res
    .json()
    .items.map((i) => i.name)
    .sort();

describe('the red media matrix (红色媒体网络矩阵)', () => {
  it('every account has a named owner; a contact sees and edits only its own; filters by platform and district', async () => {
    const created = async (actor: 'enterprise' | 'districtA' | 'city', body: object) => {
      const res = await w.call(actor, 'POST', '/api/governance/media-accounts', body);
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };
    const a2 = await created('enterprise', accountBody('enterprise', w.ent.a2, { name: '甲二网络', platform: 'weibo' }));
    await created('districtA', accountBody('enterprise', w.ent.a1, { name: '甲一科技' }));
    await created('city', accountBody('enterprise', w.ent.b1, { name: '乙一传媒', platform: 'douyin' }));
    await created('city', accountBody('org', w.tree.districtA, { name: '甲区党建' }));

    const mine = await w.call('enterprise', 'GET', '/api/governance/media-accounts');
    expect(names(mine)).toEqual(['甲二网络']);
    expect(mine.json().items[0]).toMatchObject({ owner: { id: w.ent.a2, name: '甲二网络有限公司' }, abilities: { edit: true } });
    expect(names(await w.call('districtA', 'GET', '/api/governance/media-accounts'))).toEqual([
      '甲一科技',
      '甲二网络',
      '甲区党建',
    ]);
    expect(names(await w.call('city', 'GET', '/api/governance/media-accounts?platform=douyin'))).toEqual(['乙一传媒']);
    expect(names(await w.call('city', 'GET', `/api/governance/media-accounts?districtId=${w.tree.districtB}`))).toEqual([
      '乙一传媒',
    ]);
    expect(names(await w.call('member', 'GET', '/api/governance/media-accounts'))).toEqual([]);

    const edit = await w.call('enterprise', 'PUT', `/api/governance/media-accounts/${a2}`, {
      ...accountBody('enterprise', w.ent.a2),
      ownerKind: undefined,
      ownerId: undefined,
      name: '甲二网络官方',
      version: 1,
    });
    expect(edit.statusCode, edit.body).toBe(200);
    const stale = await w.call('enterprise', 'PUT', `/api/governance/media-accounts/${a2}`, {
      ...accountBody('enterprise', w.ent.a2),
      ownerKind: undefined,
      ownerId: undefined,
      version: 1,
    });
    expect(stale.statusCode).toBe(409);
  });

  it('IN-01: refuses javascript: and other non-web links, and a handle registered twice', async () => {
    for (const url of ['javascript:alert(1)', 'data:text/html,x', 'ftp://a.cn/x', 'mp.weixin.qq.com']) {
      const res = await w.call('city', 'POST', '/api/governance/media-accounts', accountBody('enterprise', w.ent.a1, { url }));
      expect(res.statusCode).toBe(400);
      expect(res.json().error.fields[0]).toMatchObject({ path: 'url', message: '账号链接须为 http:// 或 https:// 开头的网址' });
    }
    const body = accountBody('enterprise', w.ent.a1);
    expect((await w.call('city', 'POST', '/api/governance/media-accounts', body)).statusCode).toBe(201);
    expect((await w.call('city', 'POST', '/api/governance/media-accounts', body)).statusCode).toBe(409);
  });
});
