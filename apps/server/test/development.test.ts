import { describe, expect, it } from 'vitest';
import { Access, loadGrants } from '../src/access/access.js';
import { developmentTodos } from '../src/modules/development/todo-development.js';
import {
  applicantBody,
  districtA,
  get,
  mentors,
  NOTICE_ON,
  NOW,
  newFile,
  PLAN,
  post,
  put,
  secretary,
  secretaryB,
  step,
  stepBody,
  t,
  tree,
  useDevelopmentWorld,
  walk,
} from './development.support.js';
import * as files from './fixtures/files.js';
import { signIn } from './support.js';

useDevelopmentWorld();

describe('a person from application to full membership', () => {
  it('walks the 25 steps; admission puts a probationary member on the ledger, confirmation makes them full', async () => {
    const id = await newFile();
    await walk(id, 2, 16);
    const before = (await get(secretary, `/api/development/${id}`)).json();
    expect(before).toMatchObject({ stage: 'admission', lastStep: 16, nextStep: 17, memberId: null, due: '2026-06-16' });
    expect(before.idNumberMasked).toMatch(/^\d{3}\*+\d{3}[\dX]$/);

    await walk(id, 17, 17);
    const admitted = (await get(secretary, `/api/development/${id}`)).json();
    expect(admitted.memberId).toEqual(expect.any(String));
    expect(admitted.probationEndsOn).toBe('2027-03-16');
    const member = (await get(secretary, `/api/members/${admitted.memberId}`)).json();
    expect(member).toMatchObject({ name: '陈晓', status: 'probationary', joinedOn: '2026-03-16', fullOn: null });

    await walk(id, 18, 25);
    const done = (await get(secretary, `/api/development/${id}`)).json();
    expect(done).toMatchObject({ status: 'done', stage: 'done', nextStep: null });
    expect(done.steps.filter((s: { step: number }) => s.step === 6)).toHaveLength(2);
    expect(done.steps.find((s: { step: number }) => s.step === 9).detail.sponsors).toHaveLength(2);
    const full = (await get(secretary, `/api/members/${admitted.memberId}`)).json();
    expect(full).toMatchObject({ status: 'full', fullOn: '2027-03-16' });
    const timeline = (await get(secretary, `/api/members/${admitted.memberId}/timeline`)).json();
    expect(timeline.items.map((i: { action: string }) => i.action)).toEqual(['development_confirm', 'development_admit']);
    const audit = await t.deps.db.selectFrom('audit_log').select('type').where('object_id', '=', id).execute();
    expect(audit.filter((a) => a.type === 'development.step')).toHaveLength(25);
  });
});

describe('rules enforced by the server', () => {
  it('refuses an applicant under 18 and a second open file for the same person', async () => {
    const young = await post(secretary, '/api/development', applicantBody(tree.branchA1, { birthDate: '2007-01-07' }));
    expect(young.statusCode).toBe(400);
    expect(young.json().error.fields[0]).toMatchObject({ path: 'appliedOn', message: expect.stringContaining('年满18周岁') });
    const body = applicantBody(tree.branchA1, { name: '重复人' });
    expect((await post(secretary, '/api/development', body)).statusCode).toBe(201);
    expect((await post(secretary, '/api/development', body)).json().error.message).toContain('已有进行中的发展党员档案');
  });

  it('leaves the committee steps to the committee above and refuses a batch vote', async () => {
    const id = await newFile(tree.branchA1, { name: '刘一' });
    await walk(id, 2, 3);
    const bySecretary = await post(secretary, `/api/development/${id}/steps`, stepBody(id, 4, PLAN[4]!));
    expect(bySecretary.statusCode).toBe(403);
    expect(bySecretary.json().error.message).toBe('第4步「上级党委备案」由上级党委办理');
    await walk(id, 4, 14);
    const other = await newFile(tree.branchA1, { name: '刘二' });
    const batch = await post(secretary, `/api/development/${id}/steps`, {
      ...stepBody(id, 15, PLAN[15]!),
      vote: { entitled: 3, present: 3, inFavour: 3, candidateIds: [id, other] },
    });
    expect(batch.statusCode).toBe(400);
    expect(batch.json().error.message).toContain('逐个表决');
    const noQuorum = await post(secretary, `/api/development/${id}/steps`, {
      ...stepBody(id, 15, PLAN[15]!),
      vote: { entitled: 3, present: 1, inFavour: 1, candidateIds: [id] },
    });
    expect(noQuorum.json().error.message).toContain('表决无效');
  });

  it('wants mentors and sponsors who are full members of the branch', async () => {
    const id = await newFile(tree.branchA1, { name: '孙三' });
    await walk(id, 2, 4);
    const probationary = await post(districtA, '/api/members', {
      ...(await import('./members.support.js')).memberBody(tree.branchA1, {
        name: '钱预备',
        status: 'probationary',
        fullOn: null,
        joinedOn: '2028-01-01',
      }),
    });
    const r = await post(secretary, `/api/development/${id}/steps`, {
      step: 5,
      doneOn: PLAN[5],
      mentorIds: [probationary.json().id],
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.message).toBe('培养联系人须是本支部在册的正式党员');
    const three = await post(secretary, `/api/development/${id}/steps`, { step: 5, doneOn: PLAN[5], mentorIds: mentors });
    expect(three.json().error.message).toContain('1至2名');
  });

  it('holds the branch review until the notice has ended, and after an upheld objection', async () => {
    const id = await newFile(tree.branchA1, { name: '周四' });
    await walk(id, 2, 11);
    const early = await post(secretary, `/api/development/${id}/notices`, {
      purpose: 'confirmation',
      startsOn: NOTICE_ON.admission,
    });
    expect(early.json().error.message).toContain('预备党员转正公示应在');
    const notice = await post(secretary, `/api/development/${id}/notices`, {
      purpose: 'admission',
      startsOn: NOTICE_ON.admission,
    });
    expect(notice.json().endsOn).toBe('2026-02-13');
    const during = await step(id, 12, '2026-02-13');
    expect(during.json().error.message).toContain('期满后方可办理');
    const objection = await post(secretary, `/api/development/notices/${notice.json().id}/objections`, {
      receivedOn: '2026-02-11',
      content: '反映其在原单位有违纪情况',
      finding: '经核查属实',
      upheld: true,
    });
    expect(objection.statusCode).toBe(200);
    expect((await step(id, 12, '2026-02-23')).json().error.message).toContain('反映属实');
    const leaving = await post(secretary, `/api/development/${id}/steps`, {
      ...stepBody(id, 12, '2026-02-23'),
      leavingSoon: true,
    });
    expect(leaving.json().error.fields.map((f: { path: string }) => f.path)).toContain('leavingSoon');
    const list = (await get(secretary, `/api/development/notices?orgId=${tree.branchA1}&state=all`)).json();
    expect(list.items.find((n: { developmentId: string }) => n.developmentId === id).objections).toHaveLength(1);
  });

  it('extends probation once by 6–12 months, moving the confirmation and the ledger check', async () => {
    const id = await newFile(tree.branchA1, { name: '吴五' });
    await walk(id, 2, 20);
    const tooShort = await post(secretary, `/api/development/${id}/extend`, {
      months: 5,
      decidedOn: '2027-03-01',
      reason: '需继续考察',
    });
    expect(tooShort.json().error.message).toBe('延长预备期应为6至12个月');
    const ok = await post(secretary, `/api/development/${id}/extend`, {
      months: 6,
      decidedOn: '2027-03-01',
      reason: '需继续考察',
    });
    expect(ok.json().probationEndsOn).toBe('2027-09-16');
    const again = await post(secretary, `/api/development/${id}/extend`, {
      months: 6,
      decidedOn: '2027-03-02',
      reason: '再延长',
    });
    expect(again.json().error.message).toBe('预备期只能延长一次');
    const file = (await get(secretary, `/api/development/${id}`)).json();
    const timeline = (await get(secretary, `/api/members/${file.memberId}/timeline`)).json();
    expect(timeline.items[0]).toMatchObject({ action: 'development_extend' });
    // Today (2028-06-01) is past 2027-09-16: overdue for the confirmation vote.
    expect(file).toMatchObject({ due: '2027-09-16', overdue: true });

    // The ledger health check reads the extended end: a year past admission is not overdue, past the end is.
    const overdueOn = async (at: string) => {
      t.clock.set(at);
      const s = await signIn(t.app, 'secretary_a1');
      const res = await get(s, `/api/ledger-check?orgId=${tree.branchA1}`);
      expect(res.statusCode).toBe(200);
      return res
        .json()
        .findings.some(
          (f: { kind: string; subject: { name: string } }) => f.kind === 'probation_overdue' && f.subject.name === '吴五',
        );
    };
    try {
      expect(await overdueOn('2027-06-01T02:00:00Z')).toBe(false);
      expect(await overdueOn('2027-09-17T02:00:00Z')).toBe(true);
    } finally {
      t.clock.set(NOW);
    }
  });

  it('keeps the scanned documents of a step in the attachment store, readable by those who read the file', async () => {
    const id = await newFile(tree.branchA1, { name: '蒋附件' });
    const body = files.multipart('谈话记录.pdf', files.pdf());
    const up = await t.app.inject({
      method: 'POST',
      url: `/api/attachments?use=development_step&orgId=${tree.branchA1}`,
      headers: { ...secretary.headers, ...body.headers },
      payload: body.payload,
    });
    expect(up.statusCode, up.body).toBe(201);
    const attachmentId = up.json().id as string;
    const res = await post(secretary, `/api/development/${id}/steps`, {
      ...stepBody(id, 2, PLAN[2]!),
      attachmentIds: [attachmentId],
    });
    expect(res.statusCode, res.body).toBe(201);
    const file = (await get(districtA, `/api/development/${id}`)).json();
    expect(file.steps.find((s: { step: number }) => s.step === 2).attachments[0]).toMatchObject({
      id: attachmentId,
      fileName: '谈话记录.pdf',
    });
    const downloads = () =>
      t.deps.db
        .selectFrom('audit_log')
        .select(['actor_id', 'detail'])
        .where('type', '=', 'attachment.download')
        .where('object_id', '=', attachmentId)
        .execute();
    expect(await downloads()).toEqual([]);
    expect((await get(districtA, `/api/attachments/${attachmentId}`)).statusCode).toBe(200);
    expect((await get(secretaryB, `/api/attachments/${attachmentId}`)).statusCode).toBe(404);
    // A development document is a personal record: the download is audited, the refused one is not.
    const audited = await downloads();
    expect(audited).toHaveLength(1);
    const districtAdmin = await t.deps.db
      .selectFrom('app_user')
      .select('id')
      .where('username', '=', 'district_a')
      .executeTakeFirst();
    expect(audited[0]!.actor_id).toBe(districtAdmin?.id);
    expect(JSON.parse(audited[0]!.detail)).toMatchObject({ use: 'development_step', fileName: '谈话记录.pdf' });
    // Another branch cannot upload for this branch's files.
    const other = files.multipart('x.pdf', files.pdf());
    const refused = await t.app.inject({
      method: 'POST',
      url: `/api/attachments?use=development_step&orgId=${tree.branchA1}`,
      headers: { ...secretaryB.headers, ...other.headers },
      payload: other.payload,
    });
    expect(refused.statusCode).toBe(404);
  });

  it('hides files outside the scope (404) and refuses a branch step to another branch (403 → 404)', async () => {
    const id = await newFile(tree.branchA1, { name: '郑六' });
    expect((await get(secretaryB, `/api/development/${id}`)).statusCode).toBe(404);
    expect((await post(secretaryB, `/api/development/${id}/steps`, stepBody(id, 2, PLAN[2]!))).statusCode).toBe(404);
  });
});

describe('oversight, plans and key talents', () => {
  it('counts by stage, lists deadlines and feeds the to-do list', async () => {
    const fresh = await newFile(tree.branchA2, { name: '冯七', appliedOn: '2028-05-20' }, districtA);
    const late = await newFile(tree.branchA2, { name: '陈八', appliedOn: '2028-04-01' }, districtA);
    const board = (await get(districtA, `/api/development/board?orgId=${tree.districtA}`)).json();
    expect(board.counts.applicant).toBeGreaterThanOrEqual(2);
    expect(board.counts.done).toBeGreaterThanOrEqual(1);
    const deadlines = (await get(districtA, `/api/development/deadlines?orgId=${tree.districtA}`)).json();
    expect(deadlines.overdue.map((p: { id: string }) => p.id)).toContain(late);
    expect(deadlines.upcoming.map((p: { id: string }) => p.id)).toContain(fresh);
    expect((await get(secretaryB, `/api/development/board?orgId=${tree.districtA}`)).statusCode).toBe(404);

    const user = await t.deps.db
      .selectFrom('app_user')
      .select('id')
      .where('username', '=', 'secretary_a1')
      .executeTakeFirstOrThrow();
    const grants = await loadGrants(t.deps.db, user.id);
    const todos = await t.deps.db.transaction().execute((trx) =>
      developmentTodos({
        trx,
        access: new Access(trx, { id: user.id, username: 'secretary_a1', displayName: 'secretary_a1' }, grants),
        userId: user.id,
        today: '2028-06-01',
      }),
    );
    // The secretary of 甲一 sees 甲一's files only, never 甲二's.
    expect(todos.length).toBeGreaterThan(0);
    expect(todos.every((todo) => todo.orgId === tree.branchA1)).toBe(true);
    expect(todos[0]!.href).toMatch(/^\/development\/people\//);
  });

  it('sets a plan and compares it with the people admitted', async () => {
    expect((await put(secretary, '/api/development/plans', { orgId: tree.branchA1, year: 2026, quota: 3 })).statusCode).toBe(403);
    expect((await put(districtA, '/api/development/plans', { orgId: tree.branchA1, year: 2026, quota: 3 })).statusCode).toBe(200);
    expect((await put(districtA, '/api/development/plans', { orgId: tree.districtA, year: 2026, quota: 8 })).statusCode).toBe(
      200,
    );
    const plan = (await get(districtA, `/api/development/plans?orgId=${tree.districtA}&year=2026`)).json();
    expect(plan.own).toMatchObject({ quota: 8 });
    expect(plan.own.admitted).toBeGreaterThanOrEqual(1);
    expect(plan.children.find((c: { orgId: string }) => c.orgId === tree.branchA1)).toMatchObject({ quota: 3 });
  });

  it('lists flagged applicants and members with a mentor and cultivation records', async () => {
    const id = await newFile(tree.branchA1, {
      name: '韩九',
      talents: { industryLeader: true, founder: false, keyDeptHead: false },
    });
    const subject = { developmentId: id };
    expect((await put(secretary, '/api/development/talents/mentor', { subject, mentorMemberId: mentors[2] })).statusCode).toBe(
      200,
    );
    const rec = await post(secretary, '/api/development/talents/records', {
      subject,
      on: '2028-05-30',
      content: '谈心谈话，了解思想动态',
    });
    expect(rec.statusCode).toBe(201);
    const plain = await newFile(tree.branchA1, { name: '杨十' });
    const refused = await post(secretary, '/api/development/talents/records', {
      subject: { developmentId: plain },
      on: '2028-05-30',
      content: '谈话',
    });
    expect(refused.json().error.message).toContain('未标记为重点人才');
    const list = (await get(secretary, `/api/development/talents?orgId=${tree.branchA1}`)).json();
    const row = list.items.find((i: { name: string }) => i.name === '韩九');
    expect(row).toMatchObject({ source: 'development', mentorName: '赵强', talents: ['industryLeader'] });
    expect(row.records[0].content).toBe('谈心谈话，了解思想动态');
  });
});
