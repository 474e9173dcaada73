import { addDaysToDate } from '@tongxin/contracts';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Access, loadGrants } from '../src/access/access.js';
import { updateServiceRequest } from '../src/modules/services/service-request.repository.js';
import { serviceRequestTodos } from '../src/modules/services/todo-service-requests.js';
import { beijingDate } from '../src/platform/clock.js';
import { addEnterprise, DAY, serviceWorld } from './services.support.js';
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
const _auditTypes = async (id: string) =>
  (await t.deps.db.selectFrom('audit_log').select('type').where('object_id', '=', id).orderBy('seq').execute()).map(
    (r) => r.type,
  );

describe('who sees and does what', () => {
  it('a contact sees only its enterprises’ requests; the covering secretary sees and follows them', async () => {
    const a1 = await w.raise('contactA1', w.ent.a1);
    const b1 = await w.raise('contactB1', w.ent.b1);
    const mine = (await w.call('contactA1', 'GET', '/api/service-requests/raised?pageSize=100')).json();
    expect(new Set(mine.items.map((i: { enterprise: { id: string } }) => i.enterprise.id))).toEqual(new Set([w.ent.a1]));
    expect((await w.call('contactA1', 'GET', `/api/service-requests/${b1}`)).statusCode).toBe(404);
    expect((await w.call('secretaryA1', 'GET', `/api/service-requests/${a1}`)).statusCode).toBe(200);
    expect((await w.call('secretaryA1', 'GET', `/api/service-requests/${b1}`)).statusCode).toBe(404);
    // 甲三 has no organisation: its contact raises, its secretary does not exist, the district handles.
    const a3 = await w.raise('contactA1', w.ent.a3, {
      category: 'org_setup',
      title: '想成立党支部',
      description: '公司有3名正式党员，想了解成立党支部的程序。',
    });
    expect((await detail('handlerA', a3)).group).toBe('party_building');
    expect((await w.call('secretaryA1', 'GET', `/api/service-requests/${a3}`)).statusCode).toBe(404);
    const choices = (await w.call('contactA1', 'GET', '/api/service-requests/enterprises')).json().items;
    expect(choices.map((c: { name: string }) => c.name).sort()).toEqual(['甲一科技有限公司', '甲三数据有限公司'].sort());
  });

  it('refuses a handler raising a request, an assignee outside the committee, and a closed enterprise', async () => {
    const raise = await w.call('handlerA', 'POST', '/api/service-requests', {
      enterpriseId: w.ent.a1,
      category: 'talent',
      title: '人才公寓申请',
      description: '希望为新引进的三名工程师申请人才公寓。',
    });
    expect(raise.statusCode).toBe(403);
    const id = await w.raise('contactA1', w.ent.a1);
    const wrong = await w.call('handlerA', 'POST', `/api/service-requests/${id}/assign`, { assigneeId: w.ids.handlerB });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.fields).toEqual([{ path: 'assigneeId', message: '承办人应为负责该企业的党委工作人员' }]);
    const notHandler = await w.call('handlerA', 'POST', `/api/service-requests/${id}/assign`, { assigneeId: w.ids.secretaryA1 });
    expect(notHandler.statusCode).toBe(400);
    const gone = await addEnterprise(t.deps, '甲四已注销有限公司', w.tree.districtA, w.tree.branchA1, {
      operating_status: 'deregistered',
    });
    const closed = await w.call('secretaryA1', 'POST', '/api/service-requests', {
      enterpriseId: gone,
      category: 'policy',
      title: '咨询政策问题',
      description: '这是一个已注销企业的诉求，应被拒绝。',
    });
    expect(closed.statusCode).toBe(409);
  });

  it('explains bad input in Chinese, naming the field', async () => {
    const bad = await w.call('contactA1', 'POST', '/api/service-requests', {
      enterpriseId: w.ent.a1,
      category: 'policy',
      title: '短',
      description: '太短',
    });
    expect(bad.statusCode).toBe(400);
    const paths = bad.json().error.fields.map((f: { path: string }) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['title', 'description']));
    expect(bad.json().error.message).toMatch(/诉求标题至少4个字|诉求描述至少10个字/);
    const id = await w.raise('contactA1', w.ent.a1);
    await w.call('city', 'POST', `/api/service-requests/${id}/assign`, { assigneeId: w.ids.city });
    await w.call('city', 'POST', `/api/service-requests/${id}/answer`, { body: '已答复' });
    const rating = await w.call('contactA1', 'POST', `/api/service-requests/${id}/close`, { rating: 6 });
    expect(rating.statusCode).toBe(400);
    expect(rating.json().error.fields[0]).toEqual({ path: 'rating', message: '满意度评分应为1到5' });
    const noRating = await w.call('contactA1', 'POST', `/api/service-requests/${id}/close`, {});
    expect(noRating.json().error.fields[0]).toEqual({ path: 'rating', message: '请选择满意度评分' });
  });

  it('lets the enterprise withdraw before an answer, not after', async () => {
    const id = await w.raise('secretaryA1', w.ent.a1);
    expect(
      (await w.call('secretaryA1', 'POST', `/api/service-requests/${id}/withdraw`, { reason: '问题已自行解决' })).statusCode,
    ).toBe(200);
    expect((await detail('handlerA', id)).status).toBe('withdrawn');
    const msg = await w.call('handlerA', 'POST', `/api/service-requests/${id}/messages`, { body: '收到' });
    expect(msg.statusCode).toBe(409);
    expect(msg.json().error.message).toBe('该诉求已撤回，不能再留言');
  });
});

describe('deadlines, overdue requests and to-dos', () => {
  it('flags a request overdue the day after its due date, in the queue and in the handler’s to-dos', async () => {
    const raisedOn = today();
    const policy = await w.raise('contactB1', w.ent.b1, { category: 'policy' });
    const premises = await w.raise('contactB1', w.ent.b1, { category: 'premises' });
    expect((await detail('handlerB', policy)).dueOn).toBe(addDaysToDate(raisedOn, 5));
    expect((await detail('handlerB', premises)).dueOn).toBe(addDaysToDate(raisedOn, 20));
    // On the due day it is not overdue yet; the day after, it is.
    t.clock.advance(5 * DAY);
    await w.signInAll();
    const overdueNow = async () =>
      (await w.call('handlerB', 'GET', '/api/service-requests?view=overdue&pageSize=100'))
        .json()
        .items.map((i: { id: string }) => i.id);
    expect(await overdueNow()).not.toContain(policy);
    t.clock.advance(DAY);
    await w.signInAll();
    const overdue = (await w.call('handlerB', 'GET', '/api/service-requests?view=overdue&pageSize=100')).json();
    expect(overdue.items.map((i: { id: string }) => i.id)).toContain(policy);
    expect(overdue.items.map((i: { id: string }) => i.id)).not.toContain(premises);
    expect(overdue.items.every((i: { overdue: boolean }) => i.overdue)).toBe(true);
    expect(overdue.counts.overdue).toBe(overdue.total);

    const todos = async (actor: 'handlerB' | 'contactB1') =>
      t.deps.db.transaction().execute(async (trx) => {
        const user = await trx
          .selectFrom('app_user')
          .select(['id', 'username', 'display_name'])
          .where('username', '=', `sv_${actor}`)
          .executeTakeFirstOrThrow();
        const access = new Access(
          trx,
          { id: user.id, username: user.username, displayName: user.display_name },
          await loadGrants(trx as never, user.id),
        );
        return serviceRequestTodos({ trx, access, userId: user.id, today: today() });
      });
    // (Only this test's two requests: an earlier test left another 乙一 request open.)
    const ours = <T extends { href: string }>(items: T[]) =>
      items.filter((x) => [policy, premises].some((id) => x.href.endsWith(id)));
    const handlerTodos = ours(await todos('handlerB'));
    expect(handlerTodos.map((x) => [x.kind, x.href])).toEqual([
      ['service-overdue', `/services/${policy}`],
      ['service-unassigned', `/services/${premises}`],
    ]);
    expect(handlerTodos[0]!.detail).toContain('已逾期');

    // Answered: no longer overdue; the enterprise is asked to rate it.
    await w.call('handlerB', 'POST', `/api/service-requests/${policy}/assign`, { assigneeId: w.ids.handlerB });
    await w.call('handlerB', 'POST', `/api/service-requests/${policy}/answer`, { body: '已答复政策口径' });
    expect(await overdueNow()).not.toContain(policy);
    expect(ours(await todos('handlerB')).map((x) => x.kind)).toEqual(['service-unassigned']);
    expect((await todos('contactB1')).map((x) => [x.kind, x.href])).toEqual([['service-rate', `/services/${policy}`]]);
  });
});

describe('integrity', () => {
  it('keeps the thread append-only in the database', async () => {
    const id = await w.raise('contactA1', w.ent.a1);
    await expect(sql`update service_request_event set body = 'x' where request_id = ${id}`.execute(t.deps.db)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`delete from service_request_event where request_id = ${id}`.execute(t.deps.db)).rejects.toThrow(
      /append-only/,
    );
  });

  it('of two people acting on what they saw, the second is told to refresh', async () => {
    const id = await w.raise('contactA1', w.ent.a1);
    const seen = await t.deps.db.selectFrom('service_request').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    await w.call('handlerA', 'POST', `/api/service-requests/${id}/assign`, { assigneeId: w.ids.handlerA });
    await expect(
      t.deps.db
        .transaction()
        .execute((trx) => updateServiceRequest(trx, seen, { status: 'withdrawn', updated_at: seen.updated_at })),
    ).rejects.toThrow('该诉求刚刚已由他人办理，请刷新后查看');
  });
});

describe('the committee’s overview', () => {
  it('counts its requests by category and status, and averages the ratings given', async () => {
    const before = (await w.call('handlerB', 'GET', '/api/service-requests/summary')).json();
    const id = await w.raise('contactB1', w.ent.b1, { category: 'rights' });
    await w.call('handlerB', 'POST', `/api/service-requests/${id}/assign`, { assigneeId: w.ids.handlerB });
    await w.call('handlerB', 'POST', `/api/service-requests/${id}/answer`, { body: '已联系律师服务团' });
    await w.call('contactB1', 'POST', `/api/service-requests/${id}/close`, { rating: 2 });
    const after = (await w.call('handlerB', 'GET', '/api/service-requests/summary')).json();
    const closedRights = (s: { cells: { category: string; status: string; count: number }[] }) =>
      s.cells.find((c) => c.category === 'rights' && c.status === 'closed')?.count ?? 0;
    expect(closedRights(after)).toBe(closedRights(before) + 1);
    expect(after.rated).toBe(before.rated + 1);
    const sum = (before.averageRating ?? 0) * before.rated + 2;
    expect(after.averageRating).toBeCloseTo(Math.round((sum / after.rated) * 10) / 10, 1);
    // 甲区's requests are not in 乙区's overview.
    const a = (await w.call('handlerA', 'GET', '/api/service-requests/summary')).json();
    expect(closedRights(a)).toBe(0);
  });
});

describe('the export', () => {
  it('sends the filtered queue as .xlsx, neutralised, and audits it with the file’s SM3', async () => {
    const id = await w.raise('contactA1', w.ent.a1, { title: '=HYPERLINK("x")导出测试诉求' });
    const res = await w.call('handlerA', 'GET', '/api/service-requests/export?view=all');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('attachment');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('企业诉求')!;
    expect(String(sheet.getRow(1).getCell(1).value)).toContain('导出人：sv_handlerA');
    const titles: string[] = [];
    sheet.eachRow((row, n) => {
      if (n > 2) titles.push(String(row.getCell(2).value));
    });
    expect(titles).toContain(`'=HYPERLINK("x")导出测试诉求`);
    const all = (await w.call('handlerA', 'GET', '/api/service-requests?view=all&pageSize=1')).json().total;
    expect(titles).toHaveLength(all);
    const audit = await t.deps.db
      .selectFrom('audit_log')
      .select('detail')
      .where('type', '=', 'service.export')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.detail)).toMatchObject({ rows: all, fileSm3: t.deps.crypto.sm3(res.rawPayload) });
    // 乙区 exports only its own.
    const b = await w.call('handlerB', 'GET', `/api/service-requests/export?view=all&q=${encodeURIComponent('导出测试')}`);
    const wbB = new ExcelJS.Workbook();
    await wbB.xlsx.load(b.rawPayload as unknown as ArrayBuffer);
    expect(wbB.getWorksheet('企业诉求')!.rowCount).toBe(2);
    expect(id).toBeTruthy();
  });
});
