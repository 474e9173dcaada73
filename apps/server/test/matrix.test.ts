import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTORS, type Actor, matrixWorld, row, TARGETS } from './matrix.support.js';
import { testApp } from './support.js';

let t: Awaited<ReturnType<typeof testApp>>;
let w: Awaited<ReturnType<typeof matrixWorld>>;
beforeAll(async () => {
  t = await testApp();
  w = await matrixWorld(t);
});
afterAll(() => t.close());

/**
 * AZ-02: expected status of each actor on each org route at each position of the tree.
 * Columns:        city  districtA branchA1 groupA1 branchA2 districtB branchB1
 */
const READ: Record<Actor, number[]> = {
  anonymous: row('401 401 401 401 401 401 401'),
  member: row('404 404 200 404 404 404 404'),
  enterprise: row('404 404 404 404 200 404 404'),
  secretary: row('404 404 200 200 404 404 404'),
  districtA: row('404 200 200 200 200 404 404'),
  districtB: row('404 404 404 404 404 200 200'),
  city: row('200 200 200 200 200 200 200'),
  sysadmin: row('404 404 404 404 404 404 404'),
  secadmin: row('403 403 403 403 403 403 403'),
  auditor: row('404 404 404 404 404 404 404'),
};
// The security admin sees the tree's shape (to place grants) but no org's details.
const CHILDREN: Record<Actor, number[]> = { ...READ, secadmin: row('200 200 200 200 200 200 200') };
const MANAGE: Record<Actor, number[]> = {
  anonymous: row('401 401 401 401 401 401 401'),
  member: row('404 404 403 404 404 404 404'),
  enterprise: row('404 404 404 404 403 404 404'),
  secretary: row('404 404 403 403 404 404 404'),
  districtA: row('404 200 200 200 200 404 404'),
  districtB: row('404 404 404 404 404 200 200'),
  city: row('200 200 200 200 200 200 200'),
  sysadmin: row('404 404 404 404 404 404 404'),
  secadmin: row('403 403 403 403 403 403 403'),
  auditor: row('404 404 404 404 404 404 404'),
};
// Committees: the secretary manages its own branch's committee; a group has none (400 for those allowed).
const COMMITTEE: Record<Actor, number[]> = {
  ...MANAGE,
  secretary: row('404 404 200 400 404 404 404'),
  districtA: row('404 200 200 400 200 404 404'),
  districtB: row('404 404 404 404 404 200 200'),
  city: row('200 200 200 400 200 200 200'),
};

const cells = (table: Record<Actor, number[]>) =>
  ACTORS.flatMap((actor) => TARGETS.map((target, i) => [actor, target, table[actor][i]!] as const));
let counter = 0;

describe.each(cells(READ))('GET /api/orgs/:id — %s on %s → %i', (actor, target, status) => {
  it('answers as declared', async () => {
    const res = await w.call(actor, 'GET', `/api/orgs/${w.tree[target]}`);
    expect(res.statusCode).toBe(status);
    if (status === 200) expect(res.json().id).toBe(w.tree[target]);
  });
});

describe.each(cells(READ))('GET /api/orgs/:id/history — %s on %s → %i', (actor, target, status) => {
  it('answers as declared', async () => {
    expect((await w.call(actor, 'GET', `/api/orgs/${w.tree[target]}/history`)).statusCode).toBe(status);
  });
});

describe.each(cells(CHILDREN))('GET /api/orgs/:id/children — %s on %s → %i', (actor, target, status) => {
  it('answers as declared, listing only visible children', async () => {
    const res = await w.call(actor, 'GET', `/api/orgs/${w.tree[target]}/children`);
    expect(res.statusCode).toBe(status);
    if (status !== 200) return;
    for (const child of res.json().items) {
      const name = Object.entries(w.tree).find(([, id]) => id === child.id)![0] as (typeof TARGETS)[number];
      expect(CHILDREN[actor][TARGETS.indexOf(name)]).toBe(200);
    }
  });
});

describe.each(cells(MANAGE))('PATCH /api/orgs/:id (rename) — %s on %s → %i', (actor, target, status) => {
  it('answers as declared, and a denial changes nothing', async () => {
    const before = await t.deps.db.selectFrom('org').select('name').where('id', '=', w.tree[target]).executeTakeFirstOrThrow();
    counter += 1;
    const res = await w.call(actor, 'PATCH', `/api/orgs/${w.tree[target]}`, { name: `更名测试${counter}号组织` });
    expect(res.statusCode).toBe(status);
    const after = await t.deps.db.selectFrom('org').select('name').where('id', '=', w.tree[target]).executeTakeFirstOrThrow();
    if (status === 200) expect(after.name).toBe(`更名测试${counter}号组织`);
    else expect(after.name).toBe(before.name);
  });
});

describe.each(cells(MANAGE).filter(([, target]) => target !== 'groupA1'))(
  'POST /api/orgs (create child) — %s under %s → %i',
  (actor, target, status) => {
    it('answers as declared', async () => {
      counter += 1;
      const kind = target.startsWith('branch') ? 'group' : 'branch';
      const res = await w.call(actor, 'POST', '/api/orgs', { parentId: w.tree[target], name: `新建测试${counter}号组织`, kind });
      expect(res.statusCode).toBe(status === 200 ? 201 : status);
    });
  },
);

describe.each(cells(COMMITTEE))('PUT /api/orgs/:id/committee — %s on %s → %i', (actor, target, status) => {
  it('answers as declared', async () => {
    const res = await w.call(actor, 'PUT', `/api/orgs/${w.tree[target]}/committee`, {
      termStart: '2025-01-01',
      termYears: 3,
      members: [{ name: '张三', duty: 'secretary' }],
    });
    expect(res.statusCode).toBe(status);
  });
});

describe('lists are scoped (AZ-03)', () => {
  const ROOTS: Record<Actor, string[] | number> = {
    anonymous: 401,
    member: ['branchA1'],
    enterprise: ['branchA2'],
    secretary: ['branchA1'],
    districtA: ['districtA'],
    districtB: ['districtB'],
    city: ['city'],
    sysadmin: [],
    secadmin: ['city'],
    auditor: [],
  };
  it.each(ACTORS)('GET /api/orgs/roots as %s', async (actor) => {
    const res = await w.call(actor, 'GET', '/api/orgs/roots');
    const expected = ROOTS[actor];
    if (typeof expected === 'number') return expect(res.statusCode).toBe(expected);
    expect(
      res
        .json()
        .items.map((o: { id: string }) => o.id)
        .sort(),
    ).toEqual(expected.map((k) => w.tree[k as (typeof TARGETS)[number]]).sort());
  });

  it.each(ACTORS)('GET /api/orgs/search as %s finds an org by its name exactly when it is visible', async (actor) => {
    for (const [i, target] of TARGETS.entries()) {
      const { name } = await t.deps.db
        .selectFrom('org')
        .select('name')
        .where('id', '=', w.tree[target])
        .executeTakeFirstOrThrow();
      const res = await w.call(actor, 'GET', `/api/orgs/search?q=${encodeURIComponent(name)}`);
      if (actor === 'anonymous') {
        expect(res.statusCode).toBe(401);
        continue;
      }
      const ids = res.json().items.map((o: { id: string }) => o.id);
      expect(ids.includes(w.tree[target]), `${actor} searching ${target}`).toBe(CHILDREN[actor][i] === 200);
    }
  });
});
