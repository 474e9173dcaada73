import { transferDates } from '@tongxin/contracts';
import { describe, expect, it } from 'vitest';
import { Access, loadGrants } from '../src/access/access.js';
import { overdueTransfers } from '../src/modules/transfers/overdue-transfers.js';
import { beijingDate } from '../src/platform/clock.js';
import { memberBody } from './members.support.js';
import { type Session, signIn } from './support.js';
import {
  a,
  auditOf,
  b,
  city,
  DAY,
  eventsOf,
  get,
  historyOf,
  incoming,
  issue,
  memberRow,
  newMember,
  out,
  post,
  secretary,
  signInAgain,
  t,
  today,
  tree,
  useTransferWorld,
  within,
} from './transfers.support.js';

useTransferWorld();

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
      await signInAgain();
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
