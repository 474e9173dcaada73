import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, type Session, signIn, standardTree, testApp } from './support.js';

let t: Awaited<ReturnType<typeof testApp>>;
let tree: Awaited<ReturnType<typeof standardTree>>;
let city: Session;
let districtA: Session;

beforeAll(async () => {
  t = await testApp();
  tree = await standardTree(t.deps);
  await addUser(t.deps, 'city', [{ role: 'committee_admin', orgId: tree.city }]);
  await addUser(t.deps, 'districta', [{ role: 'committee_admin', orgId: tree.districtA }]);
  city = await signIn(t.app, 'city');
  districtA = await signIn(t.app, 'districta');
});
afterAll(() => t.close());

const call = (s: Session, method: string, url: string, payload?: object) =>
  t.app.inject({ method: method as 'GET', url, headers: s.headers, ...(payload ? { payload } : {}) });

/** The closure table must equal the transitive closure of parent_id, for every org. */
async function expectClosureConsistent() {
  const orgs = await t.deps.db.selectFrom('org').select(['id', 'parent_id']).execute();
  const parent = new Map(orgs.map((o) => [o.id, o.parent_id]));
  const expected = new Set<string>();
  for (const o of orgs) {
    let depth = 0;
    for (let at: string | null | undefined = o.id; at; at = parent.get(at)) expected.add(`${at}>${o.id}@${depth++}`);
  }
  const rows = await t.deps.db.selectFrom('org_closure').selectAll().execute();
  expect(new Set(rows.map((r) => `${r.ancestor_id}>${r.descendant_id}@${r.depth}`))).toEqual(expected);
}

describe('organisation tree', () => {
  it('creates a branch with pinyin keys, history and an audit row in the same transaction', async () => {
    const res = await call(districtA, 'POST', '/api/orgs', {
      parentId: tree.districtA,
      name: '泸州云智科技有限公司党支部',
      kind: 'branch',
    });
    expect(res.statusCode).toBe(201);
    const id = res.json().id;
    const row = await t.deps.db.selectFrom('org').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.name_initials).toBe('lzyzkjyxgsdzb');
    const search = await call(districtA, 'GET', '/api/orgs/search?q=lzyz');
    expect(search.json().items[0]).toMatchObject({ id, path: [{ id: tree.districtA }, { id }] });
    const history = await call(districtA, 'GET', `/api/orgs/${id}/history`);
    expect(history.json().items[0]).toMatchObject({ action: '设立', actorName: 'districta' });
    const audit = await t.deps.db.selectFrom('audit_log').selectAll().where('object_id', '=', id).execute();
    expect(audit.map((a) => a.type)).toEqual(['org.create']);
    expect(audit[0]).toMatchObject({ actor_name: 'districta', actor_role: 'committee_admin', result: 'success', org_id: id });
    expect(audit[0]!.request_id).toBeTruthy();
    await expectClosureConsistent();
  });

  it.each([
    [() => ({ parentId: tree.branchA1, name: '下设支部党支部', kind: 'branch' }), 'kind', '党支部下不能设立党支部'],
    [() => ({ parentId: tree.groupA1, name: '小组下的小组', kind: 'group' }), 'kind', '党小组下不能设立党小组'],
    [() => ({ parentId: tree.districtA, name: '甲二网络有限公司党支部', kind: 'branch' }), 'name', '同一上级组织下已有同名组织'],
    [
      () => ({ parentId: tree.districtA, name: '新的市级党委', kind: 'committee', level: 'city' }),
      'level',
      '党委层级须低于上级党委（市级 → 区县级 → 园区）',
    ],
    [
      () => ({ parentId: tree.districtA, name: '没有层级的党委', kind: 'committee' }),
      'level',
      '党委须选择层级（市级、区县级、园区）',
    ],
  ])('refuses a misplaced org with a message naming the field (%#)', async (body, field, message) => {
    const res = await call(districtA, 'POST', '/api/orgs', body());
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual([{ path: field, message }]);
  });

  it('moves a subtree: closure rewritten, children follow, a cycle is refused', async () => {
    const park = (
      await call(city, 'POST', '/api/orgs', {
        parentId: tree.districtA,
        name: '甲区软件园党委',
        kind: 'committee',
        level: 'park',
      })
    ).json().id;
    const res = await call(districtA, 'POST', `/api/orgs/${tree.branchA1}/move`, { newParentId: park });
    expect(res.statusCode).toBe(200);
    const detail = (await call(districtA, 'GET', `/api/orgs/${tree.groupA1}`)).json();
    expect(detail.path.map((p: { id: string }) => p.id)).toEqual([tree.districtA, park, tree.branchA1, tree.groupA1]);
    const cycle = await call(districtA, 'POST', `/api/orgs/${park}/move`, { newParentId: tree.branchA1 });
    expect(cycle.statusCode).toBe(400);
    await expectClosureConsistent();
  });

  it('AZ-08: moving a branch to another district changes who sees it on the very next request', async () => {
    const branch = (
      await call(city, 'POST', '/api/orgs', { parentId: tree.districtA, name: '即将调走的党支部', kind: 'branch' })
    ).json().id;
    expect((await call(districtA, 'GET', `/api/orgs/${branch}`)).statusCode).toBe(200);
    expect((await call(city, 'POST', `/api/orgs/${branch}/move`, { newParentId: tree.districtB })).statusCode).toBe(200);
    expect((await call(districtA, 'GET', `/api/orgs/${branch}`)).statusCode).toBe(404);
    const search = await call(districtA, 'GET', `/api/orgs/search?q=${encodeURIComponent('即将调走')}`);
    expect(search.json().items).toEqual([]);
  });

  it('merges: children and members move, the source is archived with a pointer and stays readable', async () => {
    const from = (
      await call(districtA, 'POST', '/api/orgs', { parentId: tree.districtA, name: '合并前甲党支部', kind: 'branch' })
    ).json().id;
    const into = (
      await call(districtA, 'POST', '/api/orgs', { parentId: tree.districtA, name: '合并后乙党支部', kind: 'branch' })
    ).json().id;
    const group = (await call(districtA, 'POST', '/api/orgs', { parentId: from, name: '合并前党小组', kind: 'group' })).json().id;
    await t.deps.db
      .insertInto('member')
      .values({
        id: crypto.randomUUID(),
        org_id: from,
        name: '张三',
        name_pinyin: 'zhangsan',
        name_initials: 'zs',
        status: 'full',
        joined_on: null,
        created_at: new Date().toISOString(),
        archived_at: null,
      })
      .execute();
    const res = await call(districtA, 'POST', `/api/orgs/${from}/merge`, { intoOrgId: into, reason: '两家企业合并' });
    expect(res.statusCode).toBe(200);
    const source = (await call(districtA, 'GET', `/api/orgs/${from}`)).json();
    expect(source).toMatchObject({ status: 'archived', mergedInto: { id: into }, abilities: { manage: false } });
    expect((await call(districtA, 'GET', `/api/orgs/${group}`)).json().parentId).toBe(into);
    expect((await call(districtA, 'GET', `/api/orgs/${into}`)).json().fullMemberCount).toBe(1);
    expect((await call(districtA, 'PATCH', `/api/orgs/${from}`, { name: '撤销后改名' })).statusCode).toBe(409);
    await expectClosureConsistent();
  });

  it('dissolves only an empty org, keeping it readable as archived', async () => {
    const branch = (
      await call(districtA, 'POST', '/api/orgs', { parentId: tree.districtA, name: '将撤销党支部', kind: 'branch' })
    ).json().id;
    await call(districtA, 'POST', '/api/orgs', { parentId: branch, name: '将撤销党小组', kind: 'group' });
    const blocked = await call(districtA, 'POST', `/api/orgs/${branch}/dissolve`, { reason: '企业注销' });
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json().error.message).toBe('尚有1个下级组织，请先调整或撤销下级组织');
    const empty = (
      await call(districtA, 'POST', '/api/orgs', { parentId: tree.districtA, name: '空的党支部', kind: 'branch' })
    ).json().id;
    expect((await call(districtA, 'POST', `/api/orgs/${empty}/dissolve`, { reason: '企业注销' })).statusCode).toBe(200);
    const detail = (await call(districtA, 'GET', `/api/orgs/${empty}`)).json();
    expect(detail).toMatchObject({ status: 'archived', archiveReason: '企业注销' });
    expect((await call(city, 'POST', `/api/orgs/${tree.city}/dissolve`, { reason: '测试' })).statusCode).toBe(409);
  });

  it('branch committee: term computed, previous committee kept, warnings and reminders follow', async () => {
    const branch = (
      await call(districtA, 'POST', '/api/orgs', { parentId: tree.districtA, name: '委员会测试党支部', kind: 'branch' })
    ).json().id;
    const members = Array.from({ length: 8 }, (_, i) => ({
      id: crypto.randomUUID(),
      org_id: branch,
      name: `党员${i}`,
      name_pinyin: 'dangyuan',
      name_initials: 'dy',
      status: 'full' as const,
      joined_on: null,
      created_at: new Date().toISOString(),
      archived_at: null,
    }));
    await t.deps.db.insertInto('member').values(members).execute();
    let detail = (await call(districtA, 'GET', `/api/orgs/${branch}`)).json();
    expect(detail.warnings.map((w: { code: string }) => w.code)).toEqual(['committee_required']);
    const today = new Date(t.clock.now().getTime() + 8 * 3_600_000);
    const start = `${today.getUTCFullYear() - 3}-${String(today.getUTCMonth() + 1).padStart(2, '0')}-15`;
    const put = (body: object) => call(districtA, 'PUT', `/api/orgs/${branch}/committee`, body);
    const tooBig = await put({
      termStart: start,
      termYears: 3,
      members: Array.from({ length: 8 }, (_, i) => ({ name: `委员${i}`, duty: i === 0 ? 'secretary' : 'member' })),
    });
    expect(tooBig.statusCode).toBe(400);
    const noSecretary = await put({ termStart: start, termYears: 3, members: [{ name: '甲', duty: 'member' }] });
    expect(noSecretary.json().error.fields[0]).toEqual({ path: 'members', message: '须有且只有一名书记' });
    expect(
      (
        await put({
          termStart: start,
          termYears: 3,
          members: [
            { name: '李书记', duty: 'secretary' },
            { name: '王委员', duty: 'organisation' },
            { name: '赵委员', duty: 'publicity' },
          ],
        })
      ).statusCode,
    ).toBe(200);
    detail = (await call(districtA, 'GET', `/api/orgs/${branch}`)).json();
    expect(detail.committee.members).toHaveLength(3);
    expect(detail.warnings.map((w: { code: string }) => w.code)).toEqual([expect.stringMatching(/^term_(ending|expired)$/)]);
    const reminders = (await call(districtA, 'GET', '/api/orgs/term-reminders')).json().items;
    expect(reminders.map((r: { orgId: string }) => r.orgId)).toContain(branch);
    expect(
      (
        await put({
          termStart: `${today.getUTCFullYear()}-01-01`,
          termYears: 3,
          members: [
            { name: '新书记', duty: 'secretary' },
            { name: '王委员', duty: 'organisation' },
            { name: '赵委员', duty: 'publicity' },
          ],
        })
      ).statusCode,
    ).toBe(200);
    const committees = await t.deps.db.selectFrom('org_committee').selectAll().where('org_id', '=', branch).execute();
    expect(committees.filter((c) => c.superseded_at === null)).toHaveLength(1);
    expect(committees).toHaveLength(2);
  });
});
