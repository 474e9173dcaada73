import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enterpriseBody, enterpriseWorld } from './enterprises.support.js';
import { testApp } from './support.js';

let t: Awaited<ReturnType<typeof testApp>>;
let w: Awaited<ReturnType<typeof enterpriseWorld>>;
beforeAll(async () => {
  t = await testApp();
  w = await enterpriseWorld(t);
});
afterAll(() => t.close());

describe('instructors', () => {
  let assigned: string;
  let notAssigned: string;
  beforeAll(async () => {
    t.clock.set(new Date('2026-11-26T04:00:00Z'));
    assigned = await w.create(enterpriseBody(w.orgs.districtA, { name: '指导对象科技有限公司' }));
    notAssigned = await w.create(enterpriseBody(w.orgs.districtA, { name: '未选派科技有限公司' }));
    const res = await w.call('districtA', 'POST', `/api/enterprises/${assigned}/assignments`, {
      instructorId: w.users.instructor,
      startsOn: '2026-06-01',
      note: '每季度走访',
    });
    expect(res.statusCode, res.body).toBe(201);
  });

  it('refuses an account without the instructor role, and an overlapping period', async () => {
    const wrong = await w.call('districtA', 'POST', `/api/enterprises/${notAssigned}/assignments`, {
      instructorId: w.users.contact,
      startsOn: '2026-06-01',
    });
    expect(wrong.statusCode).toBe(400);
    const twice = await w.call('districtA', 'POST', `/api/enterprises/${assigned}/assignments`, {
      instructorId: w.users.instructor,
      startsOn: '2026-09-01',
    });
    expect(twice.statusCode).toBe(409);
  });

  it('the instructor sees the enterprise it is assigned to and is overdue until it records a contact', async () => {
    expect((await w.call('instructor', 'GET', `/api/enterprises/${assigned}`)).json().abilities).toEqual({
      manage: false,
      log: true,
      restore: false,
    });
    expect((await w.call('instructor', 'GET', `/api/enterprises/${notAssigned}`)).statusCode).toBe(404);
    const before = (await w.call('instructor', 'GET', '/api/instructor-work')).json();
    expect(before.assignments).toHaveLength(1);
    expect(before.assignments[0]).toMatchObject({
      enterpriseName: '指导对象科技有限公司',
      nextDueOn: '2026-09-01',
      overdue: true,
    });
    expect(before.overdueCount).toBe(1);
    const log = await w.call('instructor', 'POST', `/api/enterprises/${assigned}/logs`, {
      kind: 'visit',
      onDate: '2026-11-20',
      notes: '走访企业，了解党员发展情况',
    });
    expect(log.statusCode, log.body).toBe(201);
    const after = (await w.call('instructor', 'GET', '/api/instructor-work')).json();
    expect(after.assignments[0]).toMatchObject({ lastContactOn: '2026-11-20', nextDueOn: '2027-02-20', overdue: false });
    expect(after.logs[0]).toMatchObject({ kind: 'visit', enterpriseName: '指导对象科技有限公司' });
  });

  it('refuses a log at an enterprise it is not assigned to, before the assignment, or in the future', async () => {
    expect(
      (
        await w.call('instructor', 'POST', `/api/enterprises/${notAssigned}/logs`, {
          kind: 'talk',
          onDate: '2026-11-20',
          notes: '谈心谈话记录',
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (
        await w.call('instructor', 'POST', `/api/enterprises/${assigned}/logs`, {
          kind: 'talk',
          onDate: '2026-05-20',
          notes: '谈心谈话记录',
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (
        await w.call('instructor', 'POST', `/api/enterprises/${assigned}/logs`, {
          kind: 'talk',
          onDate: '2026-12-20',
          notes: '谈心谈话记录',
        })
      ).statusCode,
    ).toBe(400);
    // A committee admin sees the enterprise but is not its instructor.
    expect(
      (
        await w.call('districtA', 'POST', `/api/enterprises/${assigned}/logs`, {
          kind: 'talk',
          onDate: '2026-11-20',
          notes: '谈心谈话记录',
        })
      ).statusCode,
    ).toBe(403);
  });

  it('the district admin sees the work; the other district sees none of it', async () => {
    const a = (await w.call('districtA', 'GET', '/api/instructor-work')).json();
    expect(a.assignments.map((x: { enterpriseName: string }) => x.enterpriseName)).toContain('指导对象科技有限公司');
    expect(a.logs.length).toBeGreaterThan(0);
    const b = (await w.call('districtB', 'GET', '/api/instructor-work')).json();
    expect(b.assignments.map((x: { enterpriseName: string }) => x.enterpriseName)).not.toContain('指导对象科技有限公司');
    expect(b.logs.map((x: { enterpriseName: string }) => x.enterpriseName)).not.toContain('指导对象科技有限公司');
    expect((await w.call('contact', 'GET', '/api/instructor-work')).statusCode).toBe(403);
  });

  it('ending the assignment hides the enterprise from the instructor but keeps its own log', async () => {
    const id = await w.create(enterpriseBody(w.orgs.districtA, { name: '短期指导科技有限公司' }));
    const res = await w.call('districtA', 'POST', `/api/enterprises/${id}/assignments`, {
      instructorId: w.users.instructor,
      startsOn: '2026-10-01',
    });
    const assignmentId = res.json().id;
    await w.call('instructor', 'POST', `/api/enterprises/${id}/logs`, {
      kind: 'help',
      onDate: '2026-10-15',
      notes: '帮助建立党员活动室',
    });
    const end = await w.call('districtA', 'POST', `/api/instructor-assignments/${assignmentId}/end`, { endsOn: '2026-11-25' });
    expect(end.statusCode, end.body).toBe(200);
    expect((await w.call('instructor', 'GET', `/api/enterprises/${id}`)).statusCode).toBe(404);
    const work = (await w.call('instructor', 'GET', '/api/instructor-work')).json();
    expect(work.logs.map((l: { enterpriseName: string }) => l.enterpriseName)).toContain('短期指导科技有限公司');
    expect(work.assignments.map((l: { enterpriseName: string }) => l.enterpriseName)).not.toContain('短期指导科技有限公司');
  });
});

describe("one enterprise's work", () => {
  it('filters the work page by enterprise, and answers 404 for an enterprise the user does not see', async () => {
    const id = await w.create(enterpriseBody(w.orgs.districtA, { name: '单独查看工作科技有限公司' }));
    await w.call('districtA', 'POST', `/api/enterprises/${id}/assignments`, {
      instructorId: w.users.instructor,
      startsOn: '2026-11-01',
    });
    await w.call('instructor', 'POST', `/api/enterprises/${id}/logs`, {
      kind: 'talk',
      onDate: '2026-11-10',
      notes: '与负责人谈心谈话',
    });
    const work = (await w.call('districtA', 'GET', `/api/instructor-work?enterpriseId=${id}`)).json();
    expect(work.logs.map((l: { enterpriseId: string }) => l.enterpriseId)).toEqual([id]);
    expect(work.assignments.map((a: { enterpriseId: string }) => a.enterpriseId)).toEqual([id]);
    expect((await w.call('districtB', 'GET', `/api/instructor-work?enterpriseId=${id}`)).statusCode).toBe(404);
  });
});
