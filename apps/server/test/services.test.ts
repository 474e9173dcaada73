import { addDaysToDate } from '@tongxin/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { beijingDate } from '../src/platform/clock.js';
import { DAY, serviceWorld } from './services.support.js';
import { testApp } from './support.js';

let t: Awaited<ReturnType<typeof testApp>>;
let w: Awaited<ReturnType<typeof serviceWorld>>;
beforeAll(async () => {
  t = await testApp();
  w = await serviceWorld(t);
});
afterAll(() => t.close());

const today = () => beijingDate(t.clock.now());
const detail = async (actor: Parameters<typeof w.call>[0], id: string) => {
  const res = await w.call(actor, 'GET', `/api/service-requests/${id}`);
  expect(res.statusCode).toBe(200);
  return res.json();
};
const auditTypes = async (id: string) =>
  (await t.deps.db.selectFrom('audit_log').select('type').where('object_id', '=', id).orderBy('seq').execute()).map(
    (r) => r.type,
  );

describe('a request from raising to rating', () => {
  it('goes open → in progress → answered → (reopened) → answered → closed, keeping every step and file', async () => {
    const file = await w.upload('contactA1', w.tree.districtA);
    expect(file.statusCode).toBe(201);
    const res = await w.call('contactA1', 'POST', '/api/service-requests', {
      enterpriseId: w.ent.a1,
      category: 'policy',
      title: '咨询研发费用加计扣除政策',
      description: '公司今年研发投入较大，想了解研发费用加计扣除的申报条件和流程。',
      attachmentIds: [file.json().id],
    });
    expect(res.statusCode).toBe(201);
    const id = res.json().id;
    let d = await detail('contactA1', id);
    const raisedOn = today();
    expect(d).toMatchObject({
      status: 'open',
      raisedOn,
      dueOn: addDaysToDate(raisedOn, 5),
      ruleVersion: '2026.1',
      group: 'development',
      assignee: null,
    });
    expect(d.sides).toEqual({ requester: true, handler: false });
    expect(d.thread[0].attachments.map((a: { fileName: string }) => a.fileName)).toEqual(['营业执照.png']);
    expect(d.abilities).toMatchObject({ withdraw: true, close: false, assign: false, message: true });

    // The district's queue shows it as unassigned; the other district's does not.
    const queue = (await w.call('handlerA', 'GET', '/api/service-requests?view=unassigned')).json();
    expect(queue.items.map((i: { id: string }) => i.id)).toContain(id);
    expect(queue.counts.unassigned).toBeGreaterThanOrEqual(1);
    expect(
      (await w.call('handlerB', 'GET', '/api/service-requests?view=all')).json().items.map((i: { id: string }) => i.id),
    ).not.toContain(id);

    // Assigned to handlerA, then reassigned to handlerA2: both kept; only the assignee answers.
    const assignees = (await w.call('handlerA', 'GET', `/api/service-requests/${id}/assignees`)).json().items;
    expect(assignees.map((a: { id: string }) => a.id)).toEqual(
      expect.arrayContaining([w.ids.handlerA, w.ids.handlerA2, w.ids.city]),
    );
    expect(assignees.map((a: { id: string }) => a.id)).not.toContain(w.ids.handlerB);
    expect(
      (await w.call('handlerA', 'POST', `/api/service-requests/${id}/assign`, { assigneeId: w.ids.handlerA })).statusCode,
    ).toBe(200);
    expect(
      (
        await w.call('handlerA', 'POST', `/api/service-requests/${id}/assign`, {
          assigneeId: w.ids.handlerA2,
          note: '由经济服务组办理',
        })
      ).statusCode,
    ).toBe(200);
    const refused = await w.call('handlerA', 'POST', `/api/service-requests/${id}/answer`, { body: '答复' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toContain('只有承办人可以答复');
    expect(
      (await w.call('handlerA2', 'GET', '/api/service-requests?view=mine')).json().items.map((i: { id: string }) => i.id),
    ).toEqual([id]);

    const answerFile = (
      await w.upload('handlerA2', w.tree.districtA, '政策解读.pdf', (await import('./fixtures/files.js')).pdf())
    ).json();
    expect(
      (
        await w.call('handlerA2', 'POST', `/api/service-requests/${id}/answer`, {
          body: '已整理申报条件和流程，见附件；如需现场辅导请留言。',
          attachmentIds: [answerFile.id],
        })
      ).statusCode,
    ).toBe(200);
    d = await detail('contactA1', id);
    expect(d.status).toBe('answered');
    expect(d.abilities).toMatchObject({ close: true, reopen: true, withdraw: false });

    // Not satisfied: reopened, due again 7 days later, back with the assignee.
    t.clock.advance(DAY);
    await w.signInAll();
    expect(
      (await w.call('contactA1', 'POST', `/api/service-requests/${id}/reopen`, { reason: '还需要现场辅导申报' })).statusCode,
    ).toBe(200);
    d = await detail('handlerA2', id);
    expect(d).toMatchObject({ status: 'in_progress', dueOn: addDaysToDate(raisedOn, 1 + 7), answeredAt: null });
    expect(
      (await w.call('handlerA2', 'POST', `/api/service-requests/${id}/messages`, { body: '周四上午到公司辅导' })).statusCode,
    ).toBe(201);
    expect(
      (await w.call('handlerA2', 'POST', `/api/service-requests/${id}/answer`, { body: '已现场辅导完成申报。' })).statusCode,
    ).toBe(200);
    expect(
      (await w.call('contactA1', 'POST', `/api/service-requests/${id}/close`, { rating: 5, comment: '响应及时，非常感谢' }))
        .statusCode,
    ).toBe(200);

    d = await detail('contactA1', id);
    expect(d).toMatchObject({ status: 'closed', rating: 5, ratingComment: '响应及时，非常感谢' });
    expect(d.thread.map((e: { kind: string }) => e.kind)).toEqual([
      'raise',
      'assign',
      'assign',
      'answer',
      'reopen',
      'message',
      'answer',
      'close',
    ]);
    expect(d.thread.map((e: { side: string }) => e.side)).toEqual([
      'requester',
      'handler',
      'handler',
      'handler',
      'requester',
      'handler',
      'handler',
      'requester',
    ]);
    expect(d.thread[2]).toMatchObject({ assigneeName: 'sv_handlerA2', body: '由经济服务组办理' });
    expect(d.thread[3].attachments.map((a: { fileName: string }) => a.fileName)).toEqual(['政策解读.pdf']);
    expect(Object.values(d.abilities).every((v) => v === false)).toBe(true);
    expect(await auditTypes(id)).toEqual([
      'service.raise',
      'service.assign',
      'service.assign',
      'service.answer',
      'service.reopen',
      'service.message',
      'service.answer',
      'service.close',
    ]);
    const assign2 = await t.deps.db
      .selectFrom('audit_log')
      .select('detail')
      .where('object_id', '=', id)
      .where('type', '=', 'service.assign')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(assign2.detail)).toMatchObject({ from: { id: w.ids.handlerA }, to: { id: w.ids.handlerA2 } });

    // Closed is final, with a reason the user can read.
    const again = await w.call('contactA1', 'POST', `/api/service-requests/${id}/reopen`, { reason: '再看看' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toBe('该诉求已办结，不能再重新办理');
  });

  it('lets the enterprise download the answer’s file and nobody outside the request', async () => {
    const id = await w.raise('contactA1', w.ent.a1);
    const up = (await w.upload('contactA1', w.tree.districtA)).json();
    expect(
      (await w.call('contactA1', 'POST', `/api/service-requests/${id}/messages`, { body: '补充材料', attachmentIds: [up.id] }))
        .statusCode,
    ).toBe(201);
    expect((await w.call('handlerA', 'GET', `/api/attachments/${up.id}`)).statusCode).toBe(200);
    expect((await w.call('secretaryA1', 'GET', `/api/attachments/${up.id}`)).statusCode).toBe(200);
    expect((await w.call('contactB1', 'GET', `/api/attachments/${up.id}`)).statusCode).toBe(404);
    expect((await w.call('handlerB', 'GET', `/api/attachments/${up.id}`)).statusCode).toBe(404);
  });

  it('refuses a file someone else uploaded, or one uploaded for another committee', async () => {
    const id = await w.raise('contactA1', w.ent.a1);
    const others = (await w.upload('secretaryA1', w.tree.districtA)).json();
    const wrongOrg = (await w.upload('contactA1', w.tree.districtB)).json();
    for (const fileId of [others.id, wrongOrg.id]) {
      const res = await w.call('contactA1', 'POST', `/api/service-requests/${id}/messages`, {
        body: '附件',
        attachmentIds: [fileId],
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.fields[0].path).toBe('attachmentIds');
    }
    expect((await detail('contactA1', id)).thread).toHaveLength(1);
  });
});
