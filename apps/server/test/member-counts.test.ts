import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memberBody } from './members.support.js';
import { addOrg, addUser, type Session, signIn, standardTree, testApp } from './support.js';

let t: Awaited<ReturnType<typeof testApp>>;
let tree: Awaited<ReturnType<typeof standardTree>>;
let city: Session;
beforeAll(async () => {
  t = await testApp();
  tree = await standardTree(t.deps);
  await addUser(t.deps, 'city_admin', [{ role: 'committee_admin', orgId: tree.city }]);
  city = await signIn(t.app, 'city_admin');
});
afterAll(() => t.close());

/** The counts recomputed from the member rows, to hold the kept ones against. */
async function recomputed() {
  const orgs = await t.deps.db.selectFrom('org').select('id').execute();
  const out: Record<string, { direct: number; subtree: number }> = {};
  for (const { id } of orgs) {
    const direct = await t.deps.db
      .selectFrom('member')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('org_id', '=', id)
      .where('archived_at', 'is', null)
      .executeTakeFirstOrThrow();
    const subtree = await t.deps.db
      .selectFrom('member')
      .innerJoin('org_closure', 'org_closure.descendant_id', 'member.org_id')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('org_closure.ancestor_id', '=', id)
      .where('member.archived_at', 'is', null)
      .executeTakeFirstOrThrow();
    out[id] = { direct: Number(direct.n), subtree: Number(subtree.n) };
  }
  return out;
}

async function kept() {
  const rows = await t.deps.db.selectFrom('org_member_count').selectAll().execute();
  return Object.fromEntries(rows.map((r) => [r.org_id, { direct: Number(r.direct), subtree: Number(r.subtree) }]));
}

const add = async (orgId: string, name: string) => {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/members',
    headers: city.headers,
    payload: memberBody(orgId, { name }),
  });
  expect(res.statusCode).toBe(201);
  return res.json().id as string;
};

describe('member counts kept by the database (org_member_count)', () => {
  it('stay equal to the member rows through creates, archives, org moves and merges', async () => {
    for (const [orgId, n] of [
      [tree.branchA1, 4],
      [tree.branchA2, 3],
      [tree.branchB1, 2],
    ] as const) {
      for (let i = 0; i < n; i += 1) await add(orgId, `计数${'甲乙丙丁'[i]}`);
    }
    expect(await kept()).toEqual(await recomputed());
    expect((await kept())[tree.city]).toEqual({ direct: 0, subtree: 9 });

    const gone = await add(tree.branchA1, '计数归档');
    await t.app.inject({
      method: 'POST',
      url: `/api/members/${gone}/archive`,
      headers: city.headers,
      payload: { reason: 'left', on: '2026-01-01' },
    });
    expect((await kept())[tree.branchA1]).toEqual({ direct: 4, subtree: 4 });

    // A branch moves from district A to district B with its members.
    const move = await t.app.inject({
      method: 'POST',
      url: `/api/orgs/${tree.branchA2}/move`,
      headers: city.headers,
      payload: { newParentId: tree.districtB },
    });
    expect(move.statusCode).toBe(200);
    expect((await kept())[tree.districtA]!.subtree).toBe(4);
    expect((await kept())[tree.districtB]!.subtree).toBe(5);
    expect(await kept()).toEqual(await recomputed());

    // A merge moves members and child orgs into the target.
    const extra = await addOrg(t.deps, tree.districtB, '待合并支部', 'branch');
    await add(extra, '合并甲');
    await add(extra, '合并乙');
    const merge = await t.app.inject({
      method: 'POST',
      url: `/api/orgs/${extra}/merge`,
      headers: city.headers,
      payload: { intoOrgId: tree.branchB1, reason: '两支部合并' },
    });
    expect(merge.statusCode).toBe(200);
    expect((await kept())[tree.branchB1]).toEqual({ direct: 4, subtree: 4 });
    expect(await kept()).toEqual(await recomputed());
  });

  it('give the list its total without counting, equal to a real count', async () => {
    const whole = (await t.app.inject({ method: 'GET', url: '/api/members?pageSize=1', headers: city.headers })).json();
    const filtered = (
      await t.app.inject({ method: 'GET', url: '/api/members?pageSize=1&status=full', headers: city.headers })
    ).json();
    expect(whole.total).toBe((await recomputed())[tree.city]!.subtree);
    // Every test member is a full member, so the counted total (a filter forces a real count) agrees.
    expect(filtered.total).toBe(whole.total);
    const district = (
      await t.app.inject({ method: 'GET', url: `/api/members?pageSize=1&orgId=${tree.districtB}`, headers: city.headers })
    ).json();
    expect(district.total).toBe((await recomputed())[tree.districtB]!.subtree);
  });
});
