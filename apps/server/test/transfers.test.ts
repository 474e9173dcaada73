import { type CreateMemberBody, transferDates } from '@tongxin/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Access, loadGrants } from '../src/access/access.js';
import { overdueTransfers } from '../src/modules/transfers/overdue-transfers.js';
import { beijingDate } from '../src/platform/clock.js';
import { memberBody } from './members.support.js';
import { addUser, type Session, signIn, standardTree, testApp } from './support.js';

let t: Awaited<ReturnType<typeof testApp>>;
let tree: Awaited<ReturnType<typeof standardTree>>;
let a: Session; // committee admin of 甲区
let b: Session; // committee admin of 乙区
let city: Session;
let secretary: Session; // secretary of 甲一 (branchA1)
const DAY = 86_400_000;

beforeAll(async () => {
  t = await testApp();
  tree = await standardTree(t.deps);
  await addUser(t.deps, 'district_a', [{ role: 'committee_admin', orgId: tree.districtA }]);
  await addUser(t.deps, 'district_b', [{ role: 'committee_admin', orgId: tree.districtB }]);
  await addUser(t.deps, 'city_admin', [{ role: 'committee_admin', orgId: tree.city }]);
  await addUser(t.deps, 'secretary_a1', [{ role: 'secretary', orgId: tree.branchA1 }]);
  a = await signIn(t.app, 'district_a');
  b = await signIn(t.app, 'district_b');
  city = await signIn(t.app, 'city_admin');
  secretary = await signIn(t.app, 'secretary_a1');
});
afterAll(() => t.close());

const today = () => beijingDate(t.clock.now());
const post = (s: Session, url: string, payload?: object) =>
  t.app.inject({ method: 'POST', url, headers: s.headers, ...(payload ? { payload } : {}) });
const get = (s: Session, url: string) => t.app.inject({ method: 'GET', url, headers: s.headers });

let letters = 0;
const letterNo = () => `泸组转〔2026〕${++letters}号`;

async function newMember(orgId: string, overrides: Partial<CreateMemberBody> = {}) {
  const res = await post(city, '/api/members', memberBody(orgId, overrides));
  expect(res.statusCode).toBe(201);
  return res.json().id as string;
}

function within(memberId: string, toOrgId: string, extra: object = {}) {
  return { direction: 'within', memberId, toOrgId, letterNo: letterNo(), issuedOn: today(), reason: 'job_change', ...extra };
}
function out(memberId: string, extra: object = {}) {
  return {
    direction: 'out',
    memberId,
    externalOrgName: '中共成都市高新区某科技公司支部委员会',
    crossProvince: false,
    letterNo: letterNo(),
    issuedOn: today(),
    reason: 'residence',
    ...extra,
  };
}
function incoming(toOrgId: string, member: Partial<CreateMemberBody> = {}, extra: object = {}) {
  const { orgId: _orgId, ...fields } = memberBody(toOrgId, member);
  return {
    direction: 'in',
    toOrgId,
    externalOrgName: '中共重庆市渝北区某网络公司支部委员会',
    crossProvince: true,
    letterNo: letterNo(),
    issuedOn: today(),
    reason: 'job_change',
    member: fields,
    ...extra,
  };
}

async function issue(s: Session, body: object) {
  const res = await post(s, '/api/transfers', body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

const memberRow = (id: string) => t.deps.db.selectFrom('member').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const historyOf = (id: string) =>
  t.deps.db.selectFrom('member_history').selectAll().where('member_id', '=', id).orderBy('at').orderBy('id').execute();
const eventsOf = (id: string) =>
  t.deps.db.selectFrom('transfer_event').select('action').where('transfer_id', '=', id).orderBy('at').orderBy('id').execute();
const auditOf = (objectId: string) =>
  t.deps.db.selectFrom('audit_log').select(['type', 'detail']).where('object_id', '=', objectId).orderBy('seq').execute();

describe('a transfer within the city', () => {
  it('leaves the member where they are until the receiving side accepts, then moves them in one step', async () => {
    const memberId = await newMember(tree.branchA1, { name: '王转接' });
    const id = await issue(a, within(memberId, tree.branchB1));
    const pending = (await get(a, `/api/transfers/${id}`)).json();
    expect(pending).toMatchObject({
      direction: 'within',
      status: 'pending',
      memberName: '王转接',
      fromOrg: { id: tree.branchA1 },
      toOrg: { id: tree.branchB1, name: '乙一传媒有限公司党支部' },
      validUntil: transferDates(today(), false).validUntil,
      receiptDue: transferDates(today(), false).receiptDue,
      abilities: { accept: false, reject: false, cancel: true, receipt: false },
    });
    expect((await memberRow(memberId)).org_id).toBe(tree.branchA1);
    expect((await get(b, `/api/transfers/${id}`)).json().abilities).toEqual({
      accept: true,
      reject: true,
      cancel: false,
      receipt: false,
    });
    // The receiving side cannot read the member before acceptance; the sending side still can.
    expect((await get(b, `/api/members/${memberId}`)).statusCode).toBe(404);

    const accepted = await post(b, `/api/transfers/${id}/accept`);
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toEqual({ memberId });
    const row = await memberRow(memberId);
    expect(row.org_id).toBe(tree.branchB1);
    expect(row.version).toBe(2);
    expect((await get(b, `/api/members/${memberId}`)).statusCode).toBe(200);
    // The sending district no longer reads the member it sent away.
    expect((await get(a, `/api/members/${memberId}`)).statusCode).toBe(404);

    const history = await historyOf(memberId);
    expect(history.map((h) => h.action)).toEqual(['create', 'transfer_out', 'transfer_in']);
    expect(history[1]!.reason).toContain('转出至「乙一传媒有限公司党支部」');
    expect(JSON.parse(history[2]!.changes)).toEqual([
      { field: '所在党组织', before: '甲一科技有限公司党支部', after: '乙一传媒有限公司党支部' },
    ]);
    expect((await eventsOf(id)).map((e) => e.action)).toEqual(['create', 'accept']);
    expect((await auditOf(id)).map((e) => e.type)).toEqual(['transfer.create', 'transfer.accept']);
    const done = (await get(b, `/api/transfers/${id}`)).json();
    expect(done).toMatchObject({ status: 'accepted', receiptOn: today(), flags: { expired: false, receiptOverdue: false } });
    expect(done.abilities).toEqual({ accept: false, reject: false, cancel: false, receipt: false });
  });

  it('refuses acceptance by the wrong side: the sender (403) and anyone not party to it (404)', async () => {
    const memberId = await newMember(tree.branchA1);
    const toB = await issue(secretary, within(memberId, tree.branchB1));
    expect((await post(a, `/api/transfers/${toB}/accept`)).statusCode).toBe(403);
    expect((await post(secretary, `/api/transfers/${toB}/accept`)).json().error.message).toBe('只有接收方党组织可以接收该转接');
    expect((await post(b, `/api/transfers/${toB}/cancel`, { reason: '不该由接收方撤销' })).statusCode).toBe(403);
    await post(secretary, `/api/transfers/${toB}/cancel`, { reason: '本人暂缓调动' });

    const other = await newMember(tree.branchA1);
    const toA2 = await issue(a, within(other, tree.branchA2));
    expect((await post(b, `/api/transfers/${toA2}/accept`)).statusCode).toBe(404);
    expect((await get(b, `/api/transfers/${toA2}`)).statusCode).toBe(404);
    expect((await post(secretary, `/api/transfers/${toA2}/accept`)).statusCode).toBe(403);
    expect((await memberRow(other)).org_id).toBe(tree.branchA1);
    expect((await eventsOf(toA2)).map((e) => e.action)).toEqual(['create']);
  });

  it('allows one pending transfer per member, and a letter number once per issuing side', async () => {
    const memberId = await newMember(tree.branchA1);
    const first = within(memberId, tree.branchB1);
    const id = await issue(a, first);
    const again = await post(a, '/api/transfers', within(memberId, tree.branchA2));
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toContain(first.letterNo);
    const otherMember = await newMember(tree.branchA1);
    const sameNumber = await post(a, '/api/transfers', within(otherMember, tree.branchB1, { letterNo: first.letterNo }));
    expect(sameNumber.statusCode).toBe(409);
    expect(sameNumber.json().error.fields[0].path).toBe('letterNo');
    // Another issuing side may use the same number.
    const inB = await newMember(tree.branchB1);
    await issue(b, within(inB, tree.branchA1, { letterNo: first.letterNo }));
    // Cancelled, the member may get a new letter, and the number is free again.
    expect((await post(a, `/api/transfers/${id}/cancel`, { reason: '开错接收组织' })).statusCode).toBe(200);
    await issue(a, within(memberId, tree.branchA2, { letterNo: first.letterNo }));
  });

  it('refuses every transition out of a settled transfer', async () => {
    const memberId = await newMember(tree.branchA1);
    const id = await issue(a, within(memberId, tree.branchB1));
    expect((await post(b, `/api/transfers/${id}/reject`, { reason: '该同志未来本单位报到' })).statusCode).toBe(200);
    expect((await memberRow(memberId)).org_id).toBe(tree.branchA1);
    for (const [s, action, body] of [
      [b, 'accept', undefined],
      [b, 'reject', { reason: '再次退回' }],
      [a, 'cancel', { reason: '撤销已退回的' }],
    ] as const) {
      const res = await post(s, `/api/transfers/${id}/${action}`, body);
      expect(res.statusCode).toBe(409);
      expect(res.json().error.message).toBe('该转接已退回，不能再办理');
    }
    const detail = (await get(a, `/api/transfers/${id}`)).json();
    expect(detail).toMatchObject({ status: 'rejected', resolutionNote: '该同志未来本单位报到' });
    expect(detail.events.map((e: { action: string }) => e.action)).toEqual(['create', 'reject']);

    const accepted = await issue(a, within(memberId, tree.branchB1));
    await post(b, `/api/transfers/${accepted}/accept`);
    expect((await post(b, `/api/transfers/${accepted}/accept`)).json().error.message).toBe('该转接已接收，不能再办理');
    expect((await post(b, `/api/transfers/${accepted}/reject`, { reason: '接收后退回' })).statusCode).toBe(409);
    expect((await historyOf(memberId)).filter((h) => h.action === 'transfer_in')).toHaveLength(1);
  });

  it('lets only one of two simultaneous decisions through', async () => {
    const memberId = await newMember(tree.branchA1);
    const id = await issue(a, within(memberId, tree.branchB1));
    const results = await Promise.all([
      post(b, `/api/transfers/${id}/accept`),
      post(b, `/api/transfers/${id}/accept`),
      post(a, `/api/transfers/${id}/cancel`, { reason: '同时撤销' }),
    ]);
    expect(results.map((r) => r.statusCode).filter((s) => s === 200)).toHaveLength(1);
    expect(results.map((r) => r.statusCode).filter((s) => s === 409)).toHaveLength(2);
    expect(await eventsOf(id)).toHaveLength(2);
    const moves = (await historyOf(memberId)).filter((h) => h.action === 'transfer_in');
    expect(moves.length).toBe((await memberRow(memberId)).org_id === tree.branchB1 ? 1 : 0);
  });

  it('checks the destination and the letter dates against the rule', async () => {
    const memberId = await newMember(tree.branchA1);
    const cases: [object, string, string][] = [
      [{ toOrgId: tree.branchA1 }, 'toOrgId', '接收党组织不能是该党员现在所在的党组织'],
      [{ toOrgId: tree.districtB }, 'toOrgId', '接收党组织应为党支部、联合党支部或党总支'],
      [{ toOrgId: tree.groupA1 }, 'toOrgId', '接收党组织应为党支部、联合党支部或党总支'],
      [{ validUntil: transferDates(today(), true).validUntil }, 'validUntil', '有效期最长3个月'],
      [{ issuedOn: beijingDate(new Date(t.clock.now().getTime() + DAY)) }, 'issuedOn', '不能晚于今天'],
    ];
    for (const [extra, path, message] of cases) {
      const res = await post(a, '/api/transfers', within(memberId, tree.branchB1, extra));
      expect(res.statusCode, JSON.stringify(extra)).toBe(400);
      expect(res.json().error.fields[0].path).toBe(path);
      expect(res.json().error.message).toContain(message);
    }
    const archived = await newMember(tree.branchA1);
    await post(a, `/api/members/${archived}/archive`, { reason: 'deceased', on: today() });
    expect((await post(a, '/api/transfers', within(archived, tree.branchB1))).statusCode).toBe(409);
  });

  it('fails whole: a destination dissolved before acceptance leaves the transfer pending and nothing written', async () => {
    const memberId = await newMember(tree.branchA2);
    const id = await issue(a, within(memberId, tree.branchB1));
    const historyBefore = (await historyOf(memberId)).length;
    await t.deps.db.updateTable('org').set({ status: 'archived' }).where('id', '=', tree.branchB1).execute();
    try {
      const res = await post(b, `/api/transfers/${id}/accept`);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.message).toContain('已撤销');
    } finally {
      await t.deps.db.updateTable('org').set({ status: 'active' }).where('id', '=', tree.branchB1).execute();
    }
    const row = await t.deps.db.selectFrom('transfer').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'pending', receipt_on: null });
    expect((await memberRow(memberId)).org_id).toBe(tree.branchA2);
    expect(await historyOf(memberId)).toHaveLength(historyBefore);
    expect((await eventsOf(id)).map((e) => e.action)).toEqual(['create']);
    expect((await auditOf(id)).map((e) => e.type)).toEqual(['transfer.create']);
    expect((await post(b, `/api/transfers/${id}/accept`)).statusCode).toBe(200);
  });
});

describe('a transfer out of the city', () => {
  it('gives 6 months across provinces, is not accepted here, and archives the member when the receipt comes back', async () => {
    const memberId = await newMember(tree.branchA1, { name: '赵出省' });
    const id = await issue(secretary, out(memberId, { crossProvince: true }));
    const detail = (await get(secretary, `/api/transfers/${id}`)).json();
    expect(detail).toMatchObject({ validUntil: transferDates(today(), true).validUntil, toOrg: null, crossProvince: true });
    expect(detail.abilities).toEqual({ accept: false, reject: true, cancel: true, receipt: true });
    expect((await post(secretary, `/api/transfers/${id}/accept`)).statusCode).toBe(400);
    const future = beijingDate(new Date(t.clock.now().getTime() + DAY));
    expect((await post(secretary, `/api/transfers/${id}/receipt`, { receivedOn: future })).statusCode).toBe(400);
    expect((await post(b, `/api/transfers/${id}/receipt`, { receivedOn: today() })).statusCode).toBe(404);

    const res = await post(secretary, `/api/transfers/${id}/receipt`, { receivedOn: today() });
    expect(res.statusCode).toBe(200);
    const row = await memberRow(memberId);
    expect(row).toMatchObject({ org_id: tree.branchA1, archive_reason: 'transferred' });
    expect(row.archived_at).not.toBeNull();
    expect((await historyOf(memberId)).map((h) => h.action)).toEqual(['create', 'transfer_out', 'archive']);
    expect((await get(secretary, `/api/transfers/${id}`)).json()).toMatchObject({ status: 'accepted', receiptOn: today() });
    expect((await auditOf(id)).map((e) => e.type)).toEqual(['transfer.create', 'transfer.receipt']);
    expect((await eventsOf(id)).map((e) => e.action)).toEqual(['create', 'receipt']);
  });

  it('records a refusal from outside as 退回, keeping the member', async () => {
    const memberId = await newMember(tree.branchA1);
    const id = await issue(a, out(memberId));
    expect((await post(a, `/api/transfers/${id}/reject`, { reason: '对方单位不接收' })).statusCode).toBe(200);
    expect((await memberRow(memberId)).archived_at).toBeNull();
  });
});

describe('a transfer into the city', () => {
  it('holds the incoming record sealed and creates the member only on acceptance', async () => {
    const body = incoming(tree.branchB1, { name: '钱入城', phone: '13987654321' });
    const id = await issue(b, body);
    const row = await t.deps.db.selectFrom('transfer').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.member_id).toBeNull();
    expect(JSON.stringify(row)).not.toContain(body.member.idNumber);
    expect(JSON.stringify(row)).not.toContain('13987654321');
    expect((await get(b, `/api/transfers/${id}`)).json()).toMatchObject({
      direction: 'in',
      fromOrg: null,
      externalOrgName: body.externalOrgName,
      idNumberMasked: `${body.member.idNumber.slice(0, 3)}***********${body.member.idNumber.slice(-4)}`,
      validUntil: transferDates(today(), true).validUntil,
      abilities: { accept: true, reject: true, cancel: true, receipt: false },
    });
    expect((await get(a, `/api/transfers/${id}`)).statusCode).toBe(404);
    expect((await post(b, '/api/transfers', incoming(tree.branchB1, { idNumber: body.member.idNumber }))).statusCode).toBe(409);

    const accepted = await post(b, `/api/transfers/${id}/accept`);
    expect(accepted.statusCode).toBe(200);
    const memberId = accepted.json().memberId as string;
    const member = (await get(b, `/api/members/${memberId}`)).json();
    expect(member).toMatchObject({ name: '钱入城', orgId: tree.branchB1, phoneMasked: '139****4321', status: 'full' });
    const history = await historyOf(memberId);
    expect(history.map((h) => h.action)).toEqual(['transfer_in']);
    expect(history[0]!.reason).toContain(body.externalOrgName);
    expect((await get(b, `/api/transfers/${id}`)).json().memberId).toBe(memberId);
    const audit = await auditOf(id);
    expect(audit.map((e) => e.type)).toEqual(['transfer.create', 'transfer.accept']);
    expect(JSON.stringify(audit)).not.toContain(body.member.idNumber);
    expect(JSON.stringify(audit)).not.toContain('13987654321');
  });

  it('checks the record as a new member is checked, naming fields under member', async () => {
    const res = await post(b, '/api/transfers', incoming(tree.branchB1, { joinedOn: '2000-01-01', fullOn: '2001-01-01' }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0]).toMatchObject({ path: 'member.joinedOn' });
  });

  it('refuses someone already on the rolls, without saying where when out of scope', async () => {
    const idNumberHolder = memberBody(tree.branchA1);
    await post(city, '/api/members', idNumberHolder);
    const res = await post(b, '/api/transfers', incoming(tree.branchB1, { idNumber: idNumberHolder.idNumber }));
    expect(res.statusCode).toBe(409);
    expect(res.json().error.fields[0].path).toBe('member.idNumber');
    expect(res.json().error.message).not.toContain('甲一');
  });

  it('fails whole: a record created meanwhile for the same person stops acceptance, creating nothing', async () => {
    const body = incoming(tree.branchB1);
    const id = await issue(b, body);
    await post(city, '/api/members', {
      ...memberBody(tree.branchA2),
      idNumber: body.member.idNumber,
      birthDate: body.member.birthDate,
    });
    const before = await t.deps.db
      .selectFrom('member')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const res = await post(b, `/api/transfers/${id}/accept`);
    expect(res.statusCode).toBe(409);
    const after = await t.deps.db
      .selectFrom('member')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
    expect((await get(b, `/api/transfers/${id}`)).json()).toMatchObject({ status: 'pending', memberId: null });
  });
});

describe('lists and overdue', () => {
  it('lists outgoing and incoming through the scope, and surfaces overdue transfers to both sides', async () => {
    const memberId = await newMember(tree.branchA2, { name: '孙逾期' });
    const body = within(memberId, tree.branchB1);
    const id = await issue(a, body);
    const box = async (s: Session, name: string, extra = '') =>
      (await get(s, `/api/transfers?box=${name}&q=孙逾期${extra}`)).json().items.map((i: { id: string }) => i.id);
    expect(await box(a, 'outgoing')).toEqual([id]);
    expect(await box(a, 'incoming')).toEqual([]);
    expect(await box(b, 'incoming')).toEqual([id]);
    expect(await box(b, 'outgoing')).toEqual([]);
    expect(await box(secretary, 'outgoing')).toEqual([]);
    expect(await box(city, 'outgoing')).toEqual([id]);
    // Each row carries what this user may do with it: the receiving side accepts, the sending side cancels.
    const rowFor = async (s: Session, name: string) => (await get(s, `/api/transfers?box=${name}&q=孙逾期`)).json().items[0];
    expect((await rowFor(b, 'incoming')).abilities).toEqual({ accept: true, reject: true, cancel: false, receipt: false });
    expect((await rowFor(a, 'outgoing')).abilities).toEqual({ accept: false, reject: false, cancel: true, receipt: false });
    expect(await box(a, 'overdue')).toEqual([]);

    // Issued 32 days ago: one day past the receipt's due date, overdue for both sides, still acceptable.
    const memberLate = await newMember(tree.branchA2, { name: '孙逾期' });
    const issuedOn = beijingDate(new Date(t.clock.now().getTime() - 32 * DAY));
    const lateId = await issue(a, within(memberLate, tree.branchB1, { issuedOn }));
    expect(await box(a, 'overdue')).toEqual([lateId]);
    expect(await box(b, 'overdue')).toEqual([lateId]);
    expect(await box(secretary, 'overdue')).toEqual([]);
    const item = (await get(b, '/api/transfers?box=overdue&q=孙逾期')).json().items[0];
    expect(item.flags).toEqual({ expired: false, receiptOverdue: true });
    // The same list as a plain function (what a to-do list reads), scoped by the user's grants.
    const accessOf = async (username: string) => {
      const user = await t.deps.db
        .selectFrom('app_user')
        .select(['id', 'username', 'display_name'])
        .where('username', '=', username)
        .executeTakeFirstOrThrow();
      const grants = await loadGrants(t.deps.db, user.id);
      return new Access(t.deps.db, { id: user.id, username: user.username, displayName: user.display_name }, grants);
    };
    const forB = await overdueTransfers(t.deps.db, await accessOf('district_b'), today());
    expect(forB.map((o) => o.id)).toContain(lateId);
    expect(forB.find((o) => o.id === lateId)!.abilities.accept).toBe(true);
    expect((await overdueTransfers(t.deps.db, await accessOf('secretary_a1'), today())).map((o) => o.id)).not.toContain(lateId);

    const clockBefore = t.clock.now();
    try {
      // Past the letter's validity: expired, and no longer acceptable (sessions signed in afresh at that time).
      t.clock.set(new Date(clockBefore.getTime() + 100 * DAY));
      const [a2, b2] = [await signIn(t.app, 'district_a'), await signIn(t.app, 'district_b')];
      const items = (await get(b2, '/api/transfers?box=overdue&q=孙逾期')).json().items;
      expect(items.map((i: { id: string }) => i.id)).toEqual([lateId, id]);
      expect(items[1].flags).toEqual({ expired: true, receiptOverdue: true });
      const late = await post(b2, `/api/transfers/${id}/accept`);
      expect(late.statusCode).toBe(409);
      expect(late.json().error.message).toContain('过期');
      await post(a2, `/api/transfers/${id}/cancel`, { reason: '介绍信过期，重新开具' });
      expect(await box(a2, 'overdue')).toEqual([lateId]);
      expect(await box(a2, 'outgoing', '&status=cancelled')).toEqual([id]);
    } finally {
      t.clock.set(clockBefore);
      a = await signIn(t.app, 'district_a');
      b = await signIn(t.app, 'district_b');
      city = await signIn(t.app, 'city_admin');
      secretary = await signIn(t.app, 'secretary_a1');
    }
    expect((await post(b, `/api/transfers/${lateId}/accept`)).statusCode).toBe(200);
    expect(await box(a, 'overdue')).toEqual([]);
  });

  it('pages with a total', async () => {
    const res = (await get(city, '/api/transfers?box=outgoing&pageSize=2')).json();
    expect(res.items).toHaveLength(2);
    expect(res.total).toBeGreaterThan(2);
    const next = (await get(city, '/api/transfers?box=outgoing&pageSize=2&page=2')).json();
    expect(next.items.map((i: { id: string }) => i.id)).not.toContain(res.items[0].id);
  });
});

describe('the destination directory', () => {
  it('finds orgs that keep members anywhere in the city, by name or pinyin, with names only', async () => {
    const res = await get(secretary, `/api/transfers/destinations?q=${encodeURIComponent('乙一')}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toEqual([{ id: tree.branchB1, name: '乙一传媒有限公司党支部', districtName: '乙区互联网行业党委' }]);
    const byInitials = (await get(secretary, '/api/transfers/destinations?q=yycm')).json().items;
    expect(byInitials.map((i: { id: string }) => i.id)).toEqual([tree.branchB1]);
    // Committees and groups are not destinations.
    const committees = (await get(secretary, `/api/transfers/destinations?q=${encodeURIComponent('互联网行业党委')}`)).json();
    expect(committees.items).toEqual([]);
    expect((await get(secretary, `/api/transfers/destinations?q=${encodeURIComponent('研发')}`)).json().items).toEqual([]);
  });

  it('opens nothing else: the sender still cannot read the receiving org or its members', async () => {
    expect((await get(secretary, `/api/orgs/${tree.branchB1}`)).statusCode).toBe(404);
    expect((await get(a, `/api/members?orgId=${tree.branchB1}`)).statusCode).toBe(404);
    const list = (await get(a, '/api/members?pageSize=100')).json();
    expect(list.items.every((m: { orgId: string }) => m.orgId !== tree.branchB1)).toBe(true);
  });
});
