import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enterpriseBody, enterpriseWorld } from './enterprises.support.js';
import { memberBody } from './members.support.js';
import { testApp } from './support.js';

let t: Awaited<ReturnType<typeof testApp>>;
let w: Awaited<ReturnType<typeof enterpriseWorld>>;
const ids: Record<string, string> = {};

/**
 * The hand-computed fixture (today 2026-11-26, default rules: operating, fixed premises, ≥10 employees; a
 * contact within 3 months, i.e. on or after 2026-08-26):
 *
 *  key area     emp fixed status      cover        instructor / last contact   in scope
 *  E1  甲区      50  yes   operating   own A1       –                           yes  own
 *  E2  软件园    20  yes   operating   joint        –                           yes  joint
 *  E3  软件园    15  yes   operating   none         assigned, 2026-10-15        yes  none, work-covered
 *  E4  甲区      12  yes   operating   none         assigned, 2026-06-30        yes  none
 *  E5  甲区      30  yes   operating   none         –                           yes  none
 *  E6  甲区       8  yes   operating   none         –                           no (employees)
 *  E7  甲区      40  no    operating   none         –                           no (premises)
 *  E8  甲区     100  yes   suspended   own A2       –                           no (status)
 *  E9  乙区      25  yes   operating   own B1       –                           yes  own
 *  E10 乙区      11  yes   operating   none         –                           yes  none
 *  E11 甲区      60  yes   operating   none         archived                    –
 *
 * 甲区: registered 8, in scope 5 (own 1, joint 1, none 3, work-covered 1): org rate 2/5 = 40.0%,
 *   own rate 1/5 = 20.0%, work coverage 1/3 = 33.3%. Its park: in scope 2 (joint 1, none 1, covered 1).
 * City: registered 10, in scope 7 (own 2, joint 1, none 4, work 1): 3/7 = 42.9%, 2/7 = 28.6%, 1/4 = 25.0%.
 * Full members: E5 3 full (+1 probationary) → should form a branch; E2 3 full (joint) → too; E1 4 full but
 * own → not; E6 2 full + 1 full archived → not.
 */
beforeAll(async () => {
  t = await testApp();
  w = await enterpriseWorld(t);
  t.clock.set(new Date('2026-11-26T04:00:00Z'));
  const o = w.orgs;
  const rows: [string, string, number, boolean, 'operating' | 'suspended', string | null][] = [
    ['E1', o.districtA, 50, true, 'operating', o.branchA1],
    ['E2', o.parkA, 20, true, 'operating', o.jointA],
    ['E3', o.parkA, 15, true, 'operating', null],
    ['E4', o.districtA, 12, true, 'operating', null],
    ['E5', o.districtA, 30, true, 'operating', null],
    ['E6', o.districtA, 8, true, 'operating', null],
    ['E7', o.districtA, 40, false, 'operating', null],
    ['E8', o.districtA, 100, true, 'suspended', o.branchA2],
    ['E9', o.districtB, 25, true, 'operating', o.branchB1],
    ['E10', o.districtB, 11, true, 'operating', null],
    ['E11', o.districtA, 60, true, 'operating', null],
  ];
  for (const [key, area, employeeCount, hasFixedPremises, operatingStatus, coveringOrgId] of rows) {
    ids[key] = await w.create(
      enterpriseBody(area, { name: `覆盖测试${key}有限公司`, employeeCount, hasFixedPremises, operatingStatus, coveringOrgId }),
    );
  }
  await w.call('city', 'POST', `/api/enterprises/${ids.E11}/archive`, { reason: '迁出本市' });
  for (const key of ['E3', 'E4']) {
    const res = await w.call('districtA', 'POST', `/api/enterprises/${ids[key]}/assignments`, {
      instructorId: w.users.instructor,
      startsOn: '2026-01-01',
    });
    expect(res.statusCode, res.body).toBe(201);
  }
  for (const [key, onDate] of [
    ['E3', '2026-10-15'],
    ['E4', '2026-06-30'],
  ] as const) {
    const res = await w.call('instructor', 'POST', `/api/enterprises/${ids[key]}/logs`, {
      kind: 'visit',
      onDate,
      notes: '走访了解情况',
    });
    expect(res.statusCode, res.body).toBe(201);
  }
  const members: [string, 'full' | 'probationary', boolean][] = [
    ...(['full', 'full', 'full', 'probationary'] as const).map((s) => ['E5', s, false] as [string, typeof s, boolean]),
    ...(['full', 'full', 'full'] as const).map((s) => ['E2', s, false] as [string, typeof s, boolean]),
    ...(['full', 'full', 'full', 'full'] as const).map((s) => ['E1', s, false] as [string, typeof s, boolean]),
    ['E6', 'full', false],
    ['E6', 'full', false],
    ['E6', 'full', true],
  ];
  for (const [key, status, archived] of members) {
    const body = memberBody(w.orgs.branchA2, status === 'probationary' ? { status, fullOn: null } : {});
    const res = await w.call('city', 'POST', '/api/members', body);
    expect(res.statusCode, res.body).toBe(201);
    await t.deps.db
      .updateTable('member')
      .set({ enterprise_id: ids[key]!, ...(archived ? { archived_at: '2026-01-01T00:00:00.000Z', archive_reason: 'left' } : {}) })
      .where('id', '=', res.json().id)
      .execute();
  }
});
afterAll(() => t.close());

describe('coverage (两个覆盖)', () => {
  it('matches the hand-computed figures for 甲区 and its park', async () => {
    const res = await w.call('districtA', 'GET', '/api/enterprises/coverage');
    expect(res.statusCode, res.body).toBe(200);
    const c = res.json();
    expect(c.org.id).toBe(w.orgs.districtA);
    expect(c.totals).toEqual({
      registered: 8,
      inScope: 5,
      own: 1,
      joint: 1,
      none: 3,
      workCovered: 1,
      orgRatePermille: 400,
      ownRatePermille: 200,
      workRatePermille: 333,
    });
    expect(c.parts).toEqual([
      {
        // 甲区's own enterprises outside the park: E1, E4, E5 in scope (own 1, none 2, none work-covered).
        org: { id: w.orgs.districtA, name: '甲区互联网行业党委' },
        direct: true,
        registered: 6,
        inScope: 3,
        own: 1,
        joint: 0,
        none: 2,
        workCovered: 0,
        orgRatePermille: 333,
        ownRatePermille: 333,
        workRatePermille: 0,
      },
      {
        org: { id: w.orgs.parkA, name: '甲区软件园党委' },
        direct: false,
        registered: 2,
        inScope: 2,
        own: 0,
        joint: 1,
        none: 1,
        workCovered: 1,
        orgRatePermille: 500,
        ownRatePermille: 0,
        workRatePermille: 1000,
      },
    ]);
    // Not work-covered first; E3 last with its instructor and contact.
    expect(c.uncovered.map((u: { name: string }) => u.name)).toEqual([
      '覆盖测试E4有限公司',
      '覆盖测试E5有限公司',
      '覆盖测试E3有限公司',
    ]);
    expect(c.uncovered[2]).toMatchObject({ workCovered: true, instructorName: 'e_instructor', lastContactOn: '2026-10-15' });
    expect(c.uncovered[0]).toMatchObject({ workCovered: false, instructorName: 'e_instructor', lastContactOn: '2026-06-30' });
    expect(c.shouldFormBranch.map((s: { name: string; fullMembers: number }) => [s.name, s.fullMembers])).toEqual([
      ['覆盖测试E2有限公司', 3],
      ['覆盖测试E5有限公司', 3],
    ]);
  });

  it('matches the hand-computed figures for the city, with one part per district', async () => {
    const c = (await w.call('city', 'GET', '/api/enterprises/coverage')).json();
    expect(c.totals).toMatchObject({ registered: 10, inScope: 7, own: 2, joint: 1, none: 4, workCovered: 1 });
    expect([c.totals.orgRatePermille, c.totals.ownRatePermille, c.totals.workRatePermille]).toEqual([429, 286, 250]);
    const byName = Object.fromEntries(c.parts.map((p: { org: { name: string } }) => [p.org.name, p]));
    expect(byName.甲区互联网行业党委).toMatchObject({ inScope: 5, own: 1, joint: 1 });
    expect(byName.乙区互联网行业党委).toMatchObject({ registered: 2, inScope: 2, own: 1, none: 1, orgRatePermille: 500 });
  });

  it('the city admin may look at one district; a district admin may not look at the other (404) or the city (404)', async () => {
    const b = await w.call('city', 'GET', `/api/enterprises/coverage?orgId=${w.orgs.districtB}`);
    expect(b.json().totals).toMatchObject({ registered: 2, inScope: 2 });
    expect((await w.call('districtA', 'GET', `/api/enterprises/coverage?orgId=${w.orgs.districtB}`)).statusCode).toBe(404);
    expect((await w.call('districtA', 'GET', `/api/enterprises/coverage?orgId=${w.orgs.city}`)).statusCode).toBe(404);
    expect((await w.call('contact', 'GET', '/api/enterprises/coverage')).statusCode).toBe(403);
  });

  it('a later visit makes E4 work-covered', async () => {
    await w.call('instructor', 'POST', `/api/enterprises/${ids.E4}/logs`, {
      kind: 'talk',
      onDate: '2026-11-25',
      notes: '与负责人谈心谈话',
    });
    const c = (await w.call('districtA', 'GET', '/api/enterprises/coverage')).json();
    expect(c.totals).toMatchObject({ workCovered: 2, workRatePermille: 667 });
  });

  it('the detail says when an enterprise should set up its own branch', async () => {
    const e5 = (await w.call('districtA', 'GET', `/api/enterprises/${ids.E5}`)).json();
    expect(e5).toMatchObject({ memberCount: 4, fullMemberCount: 3, shouldFormBranch: true });
    const e1 = (await w.call('districtA', 'GET', `/api/enterprises/${ids.E1}`)).json();
    expect(e1).toMatchObject({ fullMemberCount: 4, shouldFormBranch: false });
  });

  it('the in-scope filter of the list uses the same rule', async () => {
    const inScope = (
      await w.call('districtA', 'GET', `/api/enterprises?inScope=true&q=${encodeURIComponent('覆盖测试')}`)
    ).json();
    expect(inScope.total).toBe(5);
    const out = (await w.call('districtA', 'GET', `/api/enterprises?inScope=false&q=${encodeURIComponent('覆盖测试')}`)).json();
    expect(out.total).toBe(3);
    expect(out.items.every((i: { inScope: boolean }) => !i.inScope)).toBe(true);
  });
});
