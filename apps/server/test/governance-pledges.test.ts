import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { governanceWorld, PLEDGE_TEXT } from './governance.support.js';
import { testApp } from './support.js';

let t: Awaited<ReturnType<typeof testApp>>;
let w: Awaited<ReturnType<typeof governanceWorld>>;
beforeAll(async () => {
  t = await testApp();
  w = await governanceWorld(t);
});
afterAll(() => t.close());

describe('pledges (自律倡议书)', () => {
  it('an enterprise signs through its contact; a new version asks it to sign again; the list shows who has not', async () => {
    const id = await w.pledge();
    const detail = await w.call('enterprise', 'GET', `/api/governance/pledges/${id}`);
    expect(detail.statusCode).toBe(200);
    expect(detail.json().mine).toEqual([
      expect.objectContaining({ enterprise: { id: w.ent.a2, name: '甲二网络有限公司' }, state: 'unsigned', canSign: true }),
    ]);
    expect((await w.call('enterprise', 'POST', `/api/governance/pledges/${id}/sign`, { enterpriseId: w.ent.a2 })).json()).toEqual(
      {
        version: 1,
      },
    );
    // Signing twice is refused; signing for another enterprise does not exist for the contact.
    expect(
      (await w.call('enterprise', 'POST', `/api/governance/pledges/${id}/sign`, { enterpriseId: w.ent.a2 })).statusCode,
    ).toBe(409);
    expect(
      (await w.call('enterprise', 'POST', `/api/governance/pledges/${id}/sign`, { enterpriseId: w.ent.a1 })).statusCode,
    ).toBe(404);
    // The committee sees the enterprise but does not sign for it.
    expect((await w.call('city', 'POST', `/api/governance/pledges/${id}/sign`, { enterpriseId: w.ent.a1 })).statusCode).toBe(403);

    let sigs = (await w.call('city', 'GET', `/api/governance/pledges/${id}/signatures`)).json();
    expect(sigs.items.map((r: { enterprise: { name: string }; state: string }) => [r.enterprise.name, r.state])).toEqual([
      ['甲二网络有限公司', 'signed'],
      ['甲一科技有限公司', 'unsigned'],
      ['乙一传媒有限公司', 'unsigned'],
    ]);
    expect(sigs.items[0].signedByName).toBe('m_enterprise');
    expect(sigs.byDistrict).toEqual([
      { district: { id: w.tree.districtA, name: '甲区互联网行业党委' }, signed: 1, outdated: 0, unsigned: 1 },
      { district: { id: w.tree.districtB, name: '乙区互联网行业党委' }, signed: 0, outdated: 0, unsigned: 1 },
    ]);
    const unsigned = (await w.call('districtA', 'GET', `/api/governance/pledges/${id}/signatures?state=unsigned`)).json();
    expect(unsigned.items.map((r: { enterprise: { name: string } }) => r.enterprise.name)).toEqual(['甲一科技有限公司']);

    const revised = await w.call('city', 'POST', `/api/governance/pledges/${id}/versions`, {
      body: `${PLEDGE_TEXT}（第二版增加：规范使用生成式人工智能）`,
      note: '增加人工智能条款',
    });
    expect(revised.statusCode).toBe(201);
    expect(revised.json()).toEqual({ version: 2 });
    sigs = (await w.call('city', 'GET', `/api/governance/pledges/${id}/signatures`)).json();
    expect(sigs.items[0]).toMatchObject({ state: 'outdated', signedVersion: 1 });
    const again = await w.call('enterprise', 'GET', `/api/governance/pledges/${id}`);
    expect(again.json().mine[0]).toMatchObject({ state: 'outdated', canSign: true });
    expect(again.json().versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect((await w.call('enterprise', 'POST', `/api/governance/pledges/${id}/sign`, { enterpriseId: w.ent.a2 })).json()).toEqual(
      {
        version: 2,
      },
    );
    const list = (await w.call('enterprise', 'GET', '/api/governance/pledges')).json();
    expect(list.items[0].counts).toEqual({ signed: 1, outdated: 0, unsigned: 0 });
  });

  it('a district committee’s pledge reaches only its own enterprises', async () => {
    const res = await w.call('districtA', 'POST', '/api/governance/pledges', {
      orgId: w.tree.districtA,
      title: '甲区直播电商自律公约',
      issuerKind: 'association',
      issuerName: '甲区电子商务协会',
      body: PLEDGE_TEXT,
    });
    expect(res.statusCode).toBe(201);
    const sigs = (await w.call('city', 'GET', `/api/governance/pledges/${res.json().id}/signatures`)).json();
    expect(sigs.total).toBe(2);
    expect(
      (await w.as('contactB1', 'POST', `/api/governance/pledges/${res.json().id}/sign`, { enterpriseId: w.ent.b1 })).statusCode,
    ).toBe(409);
  });

  it('validates the pledge text', async () => {
    const res = await w.call('city', 'POST', '/api/governance/pledges', {
      orgId: w.tree.city,
      title: '短',
      issuerKind: 'committee',
      issuerName: '测试',
      body: '太短',
    });
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .error.fields.map((f: { path: string }) => f.path)
        .sort(),
    ).toEqual(['body', 'title']);
  });
});
