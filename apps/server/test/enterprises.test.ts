import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enterpriseBody, enterpriseWorld, validCreditCode } from './enterprises.support.js';
import { memberBody } from './members.support.js';
import { testApp } from './support.js';

let t: Awaited<ReturnType<typeof testApp>>;
let w: Awaited<ReturnType<typeof enterpriseWorld>>;
beforeAll(async () => {
  t = await testApp();
  w = await enterpriseWorld(t);
});
afterAll(() => t.close());

const auditTypes = async (objectId: string) =>
  (await t.deps.db.selectFrom('audit_log').select('type').where('object_id', '=', objectId).orderBy('seq').execute()).map(
    (r) => r.type,
  );

describe('registering an enterprise', () => {
  it('stores the normalised code, derives district and park, and audits', async () => {
    const code = validCreditCode();
    const fullWidth = [...code.toLowerCase()].map((c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).join('');
    const id = await w.create(
      enterpriseBody(w.orgs.parkA, { name: '泸州星河数据有限公司', creditCode: fullWidth, coveringOrgId: w.orgs.jointA }),
    );
    const res = await w.call('districtA', 'GET', `/api/enterprises/${id}`);
    expect(res.statusCode).toBe(200);
    const e = res.json();
    expect(e).toMatchObject({
      name: '泸州星河数据有限公司',
      creditCode: code,
      area: { id: w.orgs.parkA },
      districtName: '甲区互联网行业党委',
      parkName: '甲区软件园党委',
      coverageKind: 'joint',
      coveringOrg: { id: w.orgs.jointA },
      inScope: true,
      version: 1,
      abilities: { manage: true, log: false },
    });
    expect(await auditTypes(id)).toEqual(['enterprise.create']);
  });

  it.each([
    [{ creditCode: '91510500MA62A1B2C3' }, 'creditCode', '校验位'],
    [{ creditCode: '9151050OMA62A1B2CT' }, 'creditCode', '无效字符'],
    [{ name: '甲' }, 'name', '企业名称'],
    [{ employeeCount: -1 }, 'employeeCount', '从业人数'],
    [{ foundedOn: '2019-02-30' }, 'foundedOn', '成立日期'],
    [{ legalRepresentative: '王1' }, 'legalRepresentative', '法定代表人'],
  ])('refuses %o naming the field', async (override, field, words) => {
    const res = await w.call('city', 'POST', '/api/enterprises', enterpriseBody(w.orgs.districtA, override));
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(res.json())).toContain(words);
    expect(JSON.stringify(res.json().error.fields)).toContain(field);
  });

  it('refuses an area that is not a district or park committee, and a group as covering org', async () => {
    const branch = await w.call('city', 'POST', '/api/enterprises', enterpriseBody(w.orgs.branchA1));
    expect(branch.statusCode).toBe(400);
    expect(branch.json().error.message).toContain('区县或园区党委');
    const group = await w.call(
      'city',
      'POST',
      '/api/enterprises',
      enterpriseBody(w.orgs.districtA, { coveringOrgId: w.orgs.groupA1 }),
    );
    expect(group.statusCode).toBe(400);
    expect(group.json().error.message).toContain('覆盖党组织');
  });

  it('refuses a code registered twice, naming the other only when it is visible', async () => {
    const body = enterpriseBody(w.orgs.districtB, { name: '乙区唯一代码有限公司' });
    await w.create(body, 'districtB');
    const again = await w.call(
      'districtB',
      'POST',
      '/api/enterprises',
      enterpriseBody(w.orgs.districtB, { creditCode: body.creditCode }),
    );
    expect(again.statusCode).toBe(400);
    expect(again.json().error.message).toContain('乙区唯一代码有限公司');
    const hidden = await w.call(
      'districtA',
      'POST',
      '/api/enterprises',
      enterpriseBody(w.orgs.districtA, { creditCode: body.creditCode }),
    );
    expect(hidden.statusCode).toBe(400);
    expect(hidden.json().error.message).toContain('其他单位');
    expect(hidden.json().error.message).not.toContain('乙区唯一代码');
  });

  it('a district admin registers only under its own district, a secretary not at all (an area they do not see: 404)', async () => {
    expect((await w.call('districtA', 'POST', '/api/enterprises', enterpriseBody(w.orgs.districtB))).statusCode).toBe(404);
    expect((await w.call('secretary', 'POST', '/api/enterprises', enterpriseBody(w.orgs.districtA))).statusCode).toBe(404);
  });
});

describe('editing and archiving', () => {
  it('edits with version and reason, moves it to a park, and refuses a stale version', async () => {
    const id = await w.create(enterpriseBody(w.orgs.districtA, { name: '甲区可修改科技有限公司' }));
    const body = { ...enterpriseBody(w.orgs.parkA, { name: '甲区已修改科技有限公司' }), version: 1, reason: '工商变更登记' };
    expect((await w.call('districtA', 'PUT', `/api/enterprises/${id}`, body)).statusCode).toBe(200);
    const after = (await w.call('districtA', 'GET', `/api/enterprises/${id}`)).json();
    expect(after).toMatchObject({ name: '甲区已修改科技有限公司', version: 2, parkName: '甲区软件园党委' });
    const stale = await w.call('districtA', 'PUT', `/api/enterprises/${id}`, body);
    expect(stale.statusCode).toBe(409);
    const row = await t.deps.db
      .selectFrom('audit_log')
      .select('detail')
      .where('object_id', '=', id)
      .where('type', '=', 'enterprise.update')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(row.detail)).toMatchObject({ reason: '工商变更登记' });
    expect(row.detail).toContain('企业名称');
  });

  it('a district admin cannot move an enterprise out to another district', async () => {
    const id = await w.create(enterpriseBody(w.orgs.districtA));
    const body = { ...enterpriseBody(w.orgs.districtB), version: 1, reason: '迁址' };
    expect((await w.call('districtA', 'PUT', `/api/enterprises/${id}`, body)).statusCode).toBe(404);
    expect((await w.call('districtB', 'PUT', `/api/enterprises/${id}`, body)).statusCode).toBe(404);
  });

  it('archives with a reason, ends running assignments, and leaves the default list', async () => {
    const id = await w.create(enterpriseBody(w.orgs.districtA, { name: '甲区将注销网络有限公司' }));
    const assign = await w.call('districtA', 'POST', `/api/enterprises/${id}/assignments`, {
      instructorId: w.users.instructor,
      startsOn: '2026-01-01',
    });
    expect(assign.statusCode, assign.body).toBe(201);
    expect((await w.call('districtA', 'POST', `/api/enterprises/${id}/archive`, { reason: '企业注销' })).statusCode).toBe(200);
    expect((await w.call('districtA', 'POST', `/api/enterprises/${id}/archive`, { reason: '企业注销' })).statusCode).toBe(409);
    const list = (await w.call('districtA', 'GET', `/api/enterprises?q=${encodeURIComponent('将注销')}`)).json();
    expect(list.total).toBe(0);
    const archived = (
      await w.call('districtA', 'GET', `/api/enterprises?archived=true&q=${encodeURIComponent('将注销')}`)
    ).json();
    expect(archived.total).toBe(1);
    const a = await t.deps.db
      .selectFrom('instructor_assignment')
      .select('ends_on')
      .where('enterprise_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(a.ends_on).not.toBeNull();
    // Restored, it is back on the list (its assignment stays ended); restoring twice is refused.
    const restore = await w.call('districtA', 'POST', `/api/enterprises/${id}/restore`, { reason: '误归档' });
    expect(restore.statusCode, restore.body).toBe(200);
    expect((await w.call('districtA', 'GET', `/api/enterprises?q=${encodeURIComponent('将注销')}`)).json().total).toBe(1);
    expect((await w.call('districtA', 'POST', `/api/enterprises/${id}/restore`, { reason: '误归档' })).statusCode).toBe(409);
    expect((await w.call('districtA', 'POST', `/api/enterprises/${id}/archive`, { reason: '企业注销' })).statusCode).toBe(200);
    const edit = await w.call('districtA', 'PUT', `/api/enterprises/${id}`, {
      ...enterpriseBody(w.orgs.districtA),
      version: 4,
      reason: '修改',
    });
    expect(edit.statusCode).toBe(409);
  });
});

describe('who sees what', () => {
  let own: string;
  let other: string;
  beforeAll(async () => {
    own = await w.create(enterpriseBody(w.orgs.districtA, { name: '可见性甲一科技有限公司', coveringOrgId: w.orgs.branchA1 }));
    other = await w.create(enterpriseBody(w.orgs.districtA, { name: '可见性甲二科技有限公司', coveringOrgId: w.orgs.branchA2 }));
    expect(
      (await w.call('districtA', 'POST', `/api/enterprises/${other}/contacts`, { userId: w.users.contact })).statusCode,
    ).toBe(200);
  });

  const names = async (who: Parameters<typeof w.call>[0]) => {
    const res = await w.call(who, 'GET', `/api/enterprises?q=${encodeURIComponent('可见性')}`);
    expect(res.statusCode).toBe(200);
    return res
      .json()
      .items.map((i: { name: string }) => i.name)
      .sort();
  };

  it('committee admins see their subtree; the secretary what its branch covers; the contact only its enterprise', async () => {
    expect(await names('city')).toEqual(['可见性甲一科技有限公司', '可见性甲二科技有限公司']);
    expect(await names('districtA')).toEqual(['可见性甲一科技有限公司', '可见性甲二科技有限公司']);
    expect(await names('districtB')).toEqual([]);
    expect(await names('secretary')).toEqual(['可见性甲一科技有限公司']);
    expect(await names('contact')).toEqual(['可见性甲二科技有限公司']);
    expect((await w.call('member', 'GET', '/api/enterprises')).statusCode).toBe(403);
  });

  it('the contact reads its enterprise but cannot edit it; others are 404 to it', async () => {
    const mine = await w.call('contact', 'GET', `/api/enterprises/${other}`);
    expect(mine.statusCode).toBe(200);
    expect(mine.json().abilities).toEqual({ manage: false, log: false, restore: false });
    expect((await w.call('contact', 'GET', `/api/enterprises/${own}`)).statusCode).toBe(404);
    const edit = await w.call('contact', 'PUT', `/api/enterprises/${other}`, {
      ...enterpriseBody(w.orgs.districtA),
      version: 1,
      reason: '改改',
    });
    expect(edit.statusCode).toBe(403);
  });

  it('the 三员 see no enterprise', async () => {
    expect((await w.call('auditor', 'GET', '/api/enterprises')).statusCode).toBe(403);
    expect((await w.call('auditor', 'GET', `/api/enterprises/${own}`)).statusCode).toBe(404);
  });

  it('refuses linking an account without the enterprise-contact role', async () => {
    const res = await w.call('districtA', 'POST', `/api/enterprises/${own}/contacts`, { userId: w.users.member });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('企业联络员');
  });

  it('unlinking the contact hides the enterprise from it', async () => {
    const id = await w.create(enterpriseBody(w.orgs.districtA, { name: '临时联络科技有限公司' }));
    await w.call('districtA', 'POST', `/api/enterprises/${id}/contacts`, { userId: w.users.contact });
    expect((await w.call('contact', 'GET', `/api/enterprises/${id}`)).statusCode).toBe(200);
    expect((await w.call('districtA', 'DELETE', `/api/enterprises/${id}/contacts/${w.users.contact}`)).statusCode).toBe(200);
    expect((await w.call('contact', 'GET', `/api/enterprises/${id}`)).statusCode).toBe(404);
    expect(await auditTypes(id)).toEqual(['enterprise.create', 'enterprise.contact_add', 'enterprise.contact_remove']);
  });

  it('searches by pinyin initials and by the start of the code', async () => {
    const code = validCreditCode();
    await w.create(enterpriseBody(w.orgs.districtB, { name: '拼音搜索网络有限公司', creditCode: code }));
    expect((await w.call('city', 'GET', '/api/enterprises?q=pyss')).json().items[0].name).toBe('拼音搜索网络有限公司');
    expect(
      (await w.call('city', 'GET', `/api/enterprises?q=${code.slice(0, 16)}`))
        .json()
        .items.map((i: { creditCode: string }) => i.creditCode),
    ).toContain(code);
  });
});

describe('linking members by employer', () => {
  it('links the active, unlinked members whose 工作单位 is the name, within the member scope, with history', async () => {
    const name = '按单位关联科技有限公司';
    const id = await w.create(enterpriseBody(w.orgs.districtA, { name }));
    const ids: string[] = [];
    for (const [org, employer] of [
      [w.orgs.branchA1, name],
      [w.orgs.branchA2, name],
      [w.orgs.branchA2, '别的公司'],
      [w.orgs.branchB1, name],
    ] as const) {
      const res = await w.call('city', 'POST', '/api/members', memberBody(org, { employerName: employer }));
      expect(res.statusCode, res.body).toBe(201);
      ids.push(res.json().id);
    }
    const res = await w.call('districtA', 'POST', `/api/enterprises/${id}/members/link`);
    expect(res.statusCode, res.body).toBe(200);
    // 乙区's member has the same employer but lies outside 甲区's member scope.
    expect(res.json()).toEqual({ linked: 2 });
    const linked = await t.deps.db.selectFrom('member').select('id').where('enterprise_id', '=', id).execute();
    expect(linked.map((m) => m.id).sort()).toEqual([ids[0], ids[1]].sort());
    const history = await t.deps.db
      .selectFrom('member_history')
      .select('reason')
      .where('member_id', '=', ids[0]!)
      .where('action', '=', 'update')
      .execute();
    expect(history[0]?.reason).toContain(name);
    expect((await w.call('districtA', 'GET', `/api/enterprises/${id}`)).json()).toMatchObject({
      memberCount: 2,
      fullMemberCount: 2,
    });
    // A second run finds nothing new; a secretary cannot run it.
    expect((await w.call('districtA', 'POST', `/api/enterprises/${id}/members/link`)).json()).toEqual({ linked: 0 });
    expect(await auditTypes(id)).toEqual(['enterprise.create', 'enterprise.members_link']);
  });
});
