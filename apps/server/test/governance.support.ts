import * as files from './fixtures/files.js';
import { type Actor, matrixWorld } from './matrix.support.js';
import { addEnterprise, linkContact } from './services.support.js';
import { addUser, signIn, type testApp } from './support.js';

export const PLEDGE_TEXT = '我们倡议：坚持正确政治方向，依法依规经营网络平台，抵制网络谣言和低俗信息，共建清朗网络空间。';

/**
 * The governance world on the matrix world: 甲一 (branchA1), 甲二 (branchA2, whose contact is the matrix's
 * enterprise actor) in 甲区, 乙一 (branchB1) in 乙区 with a contact of its own (contactB1).
 */
export async function governanceWorld(t: Awaited<ReturnType<typeof testApp>>) {
  const w = await matrixWorld(t);
  const ent = {
    a1: await addEnterprise(t.deps, '甲一科技有限公司', w.tree.districtA, w.tree.branchA1),
    a2: await addEnterprise(t.deps, '甲二网络有限公司', w.tree.districtA, w.tree.branchA2),
    b1: await addEnterprise(t.deps, '乙一传媒有限公司', w.tree.districtB, w.tree.branchB1),
  };
  await linkContact(t.deps, ent.a2, w.userIds.enterprise);
  const contactB1 = await addUser(t.deps, 'g_contact_b1', [{ role: 'enterprise_contact', orgId: w.tree.branchB1, reach: 'org' }]);
  await linkContact(t.deps, ent.b1, contactB1);
  const sessionB1 = await signIn(t.app, 'g_contact_b1');
  const as = (actor: Actor | 'contactB1', method: string, url: string, payload?: object) =>
    actor === 'contactB1'
      ? t.app.inject({ method: method as 'GET', url, headers: sessionB1.headers, ...(payload ? { payload } : {}) })
      : w.call(actor, method, url, payload);
  const upload = async (actor: Actor | 'contactB1', use: string, orgId: string) => {
    const body = files.multipart('截图.png', files.png());
    const headers = actor === 'contactB1' ? sessionB1.headers : (w.sessions[actor]?.headers ?? {});
    return t.app.inject({
      method: 'POST',
      url: `/api/attachments?use=${use}&orgId=${orgId}`,
      headers: { ...headers, ...body.headers },
      payload: body.payload,
    });
  };
  const pledge = async (orgId = w.tree.city) => {
    const res = await w.call('city', 'POST', '/api/governance/pledges', {
      orgId,
      title: '互联网企业网络空间自律倡议书',
      issuerKind: 'committee',
      issuerName: '测试市互联网行业党委',
      body: PLEDGE_TEXT,
    });
    if (res.statusCode !== 201) throw new Error(`pledge: ${res.statusCode} ${res.body}`);
    return res.json().id as string;
  };
  return { ...w, ent, contactB1, as, upload, pledge };
}

let handles = 0;
export const accountBody = (ownerKind: 'enterprise' | 'org', ownerId: string, over: Record<string, unknown> = {}) => ({
  ownerKind,
  ownerId,
  platform: 'wechat',
  name: '清朗网络',
  handle: `qinglang_${++handles}_${Math.random().toString(36).slice(2, 8)}`,
  operatorName: '王小明',
  followerBand: '10k_100k',
  verification: 'verified',
  url: 'https://mp.weixin.qq.com/s/qinglang',
  ...over,
});

export const HOUR = 3_600_000;
export const releaseBody = (targets: { kind: string; id: string }[], deadlineAt: string, over: Record<string, unknown> = {}) => ({
  title: '关于某平台数据泄露传言的情况通报',
  body: '经市网信办核查，网传某平台用户数据大规模泄露的消息不实，请各单位通过官方账号及时转发本通报。',
  link: 'https://www.example.gov.cn/tongbao/2026-06-01.html',
  authority: '测试市互联网信息办公室',
  imageIds: [],
  deadlineAt,
  targets,
  ...over,
});

export const rebuttalFor = (orgId: string, title: string, over: Record<string, unknown> = {}) => ({
  orgId,
  title,
  claim: `网传“${title}”`,
  truth: '经有关部门核实，该消息不实，请以官方发布为准。',
  sourceName: '测试市网信办',
  sourceUrl: 'https://www.example.gov.cn/piyao/1.html',
  publishedOn: '2026-05-20',
  ...over,
});
