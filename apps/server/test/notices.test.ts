import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as files from './fixtures/files.js';
import { addUser, type Session, signIn, standardTree, testApp } from './support.js';

let t: Awaited<ReturnType<typeof testApp>>;
let tree: Awaited<ReturnType<typeof standardTree>>;
const s = {} as Record<'city' | 'districtA' | 'secA1' | 'secA2' | 'secB1' | 'memberA1' | 'contactA2' | 'auditor', Session>;

beforeAll(async () => {
  t = await testApp();
  tree = await standardTree(t.deps);
  const users = {
    city: [{ role: 'committee_admin', orgId: tree.city }],
    districtA: [{ role: 'committee_admin', orgId: tree.districtA }],
    secA1: [{ role: 'secretary', orgId: tree.branchA1 }],
    secA2: [{ role: 'secretary', orgId: tree.branchA2 }],
    secB1: [{ role: 'secretary', orgId: tree.branchB1 }],
    memberA1: [{ role: 'member', orgId: tree.branchA1, reach: 'org' }],
    contactA2: [{ role: 'enterprise_contact', orgId: tree.branchA2, reach: 'org' }],
    auditor: [{ role: 'audit_admin', orgId: null }],
  } as const;
  for (const [name, grants] of Object.entries(users)) {
    await addUser(t.deps, `n_${name}`, grants as never);
    s[name as keyof typeof s] = await signIn(t.app, `n_${name}`);
  }
});
afterAll(() => t.close());

const call = (who: Session, method: 'GET' | 'POST', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: who.headers, ...(payload ? { payload } : {}) });

async function send(who: Session, body: object): Promise<string> {
  const res = await call(who, 'POST', '/api/notices', body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}
const inbox = async (who: Session, unread = false) =>
  (await call(who, 'GET', `/api/notices?box=inbox${unread ? '&unread=true' : ''}`)).json();

describe('sending a notice', () => {
  it('reaches the accounts at the targets (and below a subtree target), not others', async () => {
    const id = await send(s.districtA, {
      senderOrgId: tree.districtA,
      title: '关于开展2026年度民主评议党员工作的通知',
      body: '各支部：请于12月底前完成民主评议。',
      targets: [{ orgId: tree.districtA, subtree: true }],
    });
    for (const who of [s.secA1, s.secA2, s.memberA1, s.contactA2, s.districtA]) {
      expect((await inbox(who)).items.map((n: { id: string }) => n.id)).toContain(id);
    }
    for (const who of [s.secB1, s.city]) {
      expect((await inbox(who)).items.map((n: { id: string }) => n.id)).not.toContain(id);
    }
    expect((await call(s.secB1, 'GET', `/api/notices/${id}`)).statusCode).toBe(404);
  });

  it('to roles only: secretaries of the branches below, not their members', async () => {
    const id = await send(s.city, {
      senderOrgId: tree.city,
      title: '支部书记培训通知',
      body: '请各支部书记参加培训。',
      targets: [{ orgId: tree.city, subtree: true }],
      roles: ['secretary'],
    });
    for (const who of [s.secA1, s.secA2, s.secB1]) expect((await inbox(who)).items[0].id).toBe(id);
    for (const who of [s.memberA1, s.contactA2, s.districtA]) {
      expect((await inbox(who)).items.map((n: { id: string }) => n.id)).not.toContain(id);
    }
  });

  it('to one org without its subtree: its own accounts only', async () => {
    const id = await send(s.districtA, {
      senderOrgId: tree.districtA,
      title: '甲区党委内部通知',
      body: '内部事项。',
      targets: [{ orgId: tree.districtA, subtree: false }],
    });
    expect((await inbox(s.districtA)).items.map((n: { id: string }) => n.id)).toContain(id);
    expect((await inbox(s.secA1)).items.map((n: { id: string }) => n.id)).not.toContain(id);
  });

  it('refuses targets outside the sender subtree, a branch as sender, and bad input (Chinese, naming the field)', async () => {
    const outside = await call(s.districtA, 'POST', '/api/notices', {
      senderOrgId: tree.districtA,
      title: '越界通知',
      body: '正文',
      targets: [{ orgId: tree.branchB1, subtree: false }],
    });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().error.fields[0]).toMatchObject({ path: 'targets', message: '接收组织须是本组织或其下级组织' });
    const fromBranch = await call(s.secA1, 'POST', '/api/notices', {
      senderOrgId: tree.branchA1,
      title: '支部通知',
      body: '正文',
      targets: [{ orgId: tree.branchA1, subtree: true }],
    });
    expect(fromBranch.statusCode).toBe(403);
    const empty = await call(s.city, 'POST', '/api/notices', { senderOrgId: tree.city, title: '', body: '', targets: [] });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.fields.map((f: { message: string }) => f.message)).toEqual(
      expect.arrayContaining(['标题至少2个字', '请填写正文', '请选择接收组织']),
    );
  });
});

describe('read receipts', () => {
  it('opening records a receipt once; the sender sees who has and has not read, per org and per person', async () => {
    const id = await send(s.districtA, {
      senderOrgId: tree.districtA,
      title: '回执测试通知',
      body: '请阅读。',
      targets: [
        { orgId: tree.branchA1, subtree: true },
        { orgId: tree.branchA2, subtree: false },
      ],
    });
    expect((await inbox(s.secA1, true)).items.map((n: { id: string }) => n.id)).toContain(id);
    const opened = await call(s.secA1, 'GET', `/api/notices/${id}`);
    expect(opened.statusCode).toBe(200);
    expect(opened.json().readAt).not.toBeNull();
    expect(opened.json().abilities.receipts).toBe(false);
    const again = await call(s.secA1, 'GET', `/api/notices/${id}`);
    expect(again.json().readAt).toBe(opened.json().readAt);
    expect((await inbox(s.secA1, true)).items.map((n: { id: string }) => n.id)).not.toContain(id);

    const receipts = await t.deps.db.selectFrom('read_receipt').selectAll().where('notice_id', '=', id).execute();
    expect(receipts).toHaveLength(1);
    const audited = await t.deps.db.selectFrom('audit_log').select('type').where('object_id', '=', id).execute();
    expect(audited.map((a) => a.type).sort()).toEqual(['notice.read', 'notice.send']);

    const byOrg = (await call(s.districtA, 'GET', `/api/notices/${id}/receipts?view=orgs`)).json();
    expect(byOrg).toMatchObject({ recipients: 4, read: 1 });
    const a1 = byOrg.orgs.find((o: { orgId: string }) => o.orgId === tree.branchA1);
    const a2 = byOrg.orgs.find((o: { orgId: string }) => o.orgId === tree.branchA2);
    expect(a1).toMatchObject({ recipients: 2, read: 1 });
    expect(a2).toMatchObject({ recipients: 2, read: 0 });
    expect(byOrg.orgs[0].orgId).toBe(tree.branchA2); // the most unread first

    const unread = (await call(s.districtA, 'GET', `/api/notices/${id}/receipts?view=people&unread=true`)).json();
    expect(unread.people.map((p: { displayName: string }) => p.displayName).sort()).toEqual([
      'n_contactA2',
      'n_memberA1',
      'n_secA2',
    ]);
    expect(unread.total).toBe(3);
    const people = (await call(s.districtA, 'GET', `/api/notices/${id}/receipts?view=people`)).json();
    expect(people.people.at(-1)).toMatchObject({ displayName: 'n_secA1', orgName: '甲一科技有限公司党支部' });
    expect(people.people.at(-1).readAt).not.toBeNull();

    // A recipient cannot see receipts; the sender reading them is audited.
    expect((await call(s.secA1, 'GET', `/api/notices/${id}/receipts`)).statusCode).toBe(403);
    const reads = await t.deps.db.selectFrom('audit_log').select('type').where('type', '=', 'notice.receipts').execute();
    expect(reads.length).toBeGreaterThanOrEqual(3);
  });

  it('the sent box counts reads; the sender opening it leaves no receipt', async () => {
    const id = await send(s.city, {
      senderOrgId: tree.city,
      title: '已发送计数',
      body: '正文',
      targets: [{ orgId: tree.branchB1, subtree: false }],
    });
    await call(s.secB1, 'GET', `/api/notices/${id}`);
    const sent = (await call(s.city, 'GET', '/api/notices?box=sent')).json();
    expect(sent.items.find((n: { id: string }) => n.id === id)).toMatchObject({ readCount: 1, readAt: null });
    const detail = (await call(s.city, 'GET', `/api/notices/${id}`)).json();
    expect(detail.abilities.receipts).toBe(true);
    expect(await t.deps.db.selectFrom('read_receipt').selectAll().where('notice_id', '=', id).execute()).toHaveLength(1);
    expect((await call(s.secA1, 'GET', '/api/notices?box=sent')).statusCode).toBe(403);
    expect((await call(s.auditor, 'GET', '/api/notices')).statusCode).toBe(403);
  });
});

describe('attachments', () => {
  it('the sender uploads, the notice claims them; recipients download, others cannot', async () => {
    const body = files.multipart('通知附件.pdf', files.pdf());
    const up = await t.app.inject({
      method: 'POST',
      url: `/api/attachments?use=notice&orgId=${tree.districtA}`,
      headers: { ...s.districtA.headers, ...body.headers },
      payload: body.payload,
    });
    expect(up.statusCode, up.body).toBe(201);
    const id = await send(s.districtA, {
      senderOrgId: tree.districtA,
      title: '带附件的通知',
      body: '见附件。',
      targets: [{ orgId: tree.branchA1, subtree: true }],
      attachmentIds: [up.json().id],
    });
    const detail = (await call(s.memberA1, 'GET', `/api/notices/${id}`)).json();
    expect(detail.attachments).toEqual([expect.objectContaining({ id: up.json().id, name: '通知附件.pdf' })]);
    expect(detail.attachmentCount).toBe(1);
    expect((await call(s.memberA1, 'GET', `/api/attachments/${up.json().id}`)).statusCode).toBe(200);
    expect((await call(s.secB1, 'GET', `/api/attachments/${up.json().id}`)).statusCode).toBe(404);
    // A secretary cannot upload for a notice (no notice.send).
    const refused = await t.app.inject({
      method: 'POST',
      url: `/api/attachments?use=notice&orgId=${tree.branchA1}`,
      headers: { ...s.secA1.headers, ...body.headers },
      payload: body.payload,
    });
    expect(refused.statusCode).toBe(403);
  });
});
