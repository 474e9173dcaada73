import { transferDates } from '@tongxin/contracts';
import { describe, expect, it } from 'vitest';
import { beijingDate } from '../src/platform/clock.js';
import {
  a,
  auditOf,
  b,
  DAY,
  eventsOf,
  get,
  historyOf,
  issue,
  memberRow,
  newMember,
  post,
  secretary,
  t,
  today,
  tree,
  useTransferWorld,
  within,
} from './transfers.support.js';

useTransferWorld();

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
