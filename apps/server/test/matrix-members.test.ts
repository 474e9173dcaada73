import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTORS, type Actor, matrixWorld, row, TARGETS } from './matrix.support.js';
import { memberBody } from './members.support.js';
import { PASSWORD, testApp } from './support.js';

let t: Awaited<ReturnType<typeof testApp>>;
let w: Awaited<ReturnType<typeof matrixWorld>>;
/** One member in each branch of the matrix world. */
const memberIn = {} as Record<MemberTarget, string>;
beforeAll(async () => {
  t = await testApp();
  w = await matrixWorld(t);
  for (const target of MEMBER_TARGETS) memberIn[target] = await createAsCity(target);
});
afterAll(() => t.close());

const MEMBER_TARGETS = ['branchA1', 'branchA2', 'branchB1'] as const;
type MemberTarget = (typeof MEMBER_TARGETS)[number];

async function createAsCity(target: MemberTarget): Promise<string> {
  const res = await w.call('city', 'POST', '/api/members', memberBody(w.tree[target]));
  expect(res.statusCode).toBe(201);
  return res.json().id;
}

/** AZ-05: outside the reveal route, no response carries a full ID number. */
const FULL_ID = /\d{17}[\dXx]/;

/**
 * AZ-02 for the member ledger. Columns: the member's branch — branchA1 branchA2 branchB1.
 * The member role and the enterprise contact see their org but not its ledger (403); 三员 are blind to it.
 */
const ON_MEMBER: Record<Actor, number[]> = {
  anonymous: row('401 401 401'),
  member: row('403 404 404'),
  enterprise: row('404 403 404'),
  secretary: row('200 404 404'),
  districtA: row('200 200 404'),
  districtB: row('404 404 200'),
  city: row('200 200 200'),
  sysadmin: row('404 404 404'),
  secadmin: row('403 403 403'),
  auditor: row('404 404 404'),
};

const memberCells = ACTORS.flatMap((actor) => MEMBER_TARGETS.map((target, i) => [actor, target, ON_MEMBER[actor][i]!] as const));

describe.each(memberCells)('GET /api/members/:id — %s on a member of %s → %i', (actor, target, status) => {
  it('answers as declared, masked', async () => {
    const res = await w.call(actor, 'GET', `/api/members/${memberIn[target]}`);
    expect(res.statusCode).toBe(status);
    expect(res.body).not.toMatch(FULL_ID);
    if (status === 200) expect(res.json().id).toBe(memberIn[target]);
  });
});

describe.each(memberCells)('GET /api/members/:id/timeline — %s on a member of %s → %i', (actor, target, status) => {
  it('answers as declared', async () => {
    const res = await w.call(actor, 'GET', `/api/members/${memberIn[target]}/timeline`);
    expect(res.statusCode).toBe(status);
    expect(res.body).not.toMatch(FULL_ID);
  });
});

describe.each(memberCells)('PUT /api/members/:id — %s on a member of %s → %i', (actor, target, status) => {
  it('answers as declared, and a denial changes nothing', async () => {
    const id = memberIn[target];
    const before = await t.deps.db.selectFrom('member').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const { orgId: _org, idNumber: _id, phone: _phone, ...fields } = memberBody(w.tree[target]);
    const res = await w.call(actor, 'PUT', `/api/members/${id}`, {
      ...fields,
      name: before.name,
      position: `职务${actor}`,
      version: before.version,
      reason: '矩阵测试',
    });
    expect(res.statusCode).toBe(status);
    const after = await t.deps.db.selectFrom('member').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    if (status === 200) expect(after.position).toBe(`职务${actor}`);
    else expect(after).toEqual(before);
  });
});

describe.each(memberCells)('POST /api/members/:id/archive — %s on a member of %s → %i', (actor, target, status) => {
  it('answers as declared', async () => {
    const id = await createAsCity(target);
    const res = await w.call(actor, 'POST', `/api/members/${id}/archive`, { reason: 'left', on: '2026-01-05' });
    expect(res.statusCode).toBe(status);
    const row = await t.deps.db.selectFrom('member').select('archived_at').where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.archived_at !== null).toBe(status === 200);
  });
});

describe.each(memberCells)('POST /api/members/:id/reveal — %s on a member of %s → %i', (actor, target, status) => {
  it('answers as declared; only a permitted reveal carries the full number', async () => {
    const res = await w.call(actor, 'POST', `/api/members/${memberIn[target]}/reveal`, {
      password: PASSWORD,
      reason: '矩阵测试核对',
    });
    expect(res.statusCode).toBe(status);
    if (status === 200) expect(res.json().idNumber).toMatch(FULL_ID);
    else expect(res.body).not.toMatch(FULL_ID);
  });
});

/** Creating: allowed where member.manage holds; committees and groups keep no members (400 for those allowed). */
const CREATE: Record<Actor, number[]> = {
  //                 city districtA branchA1 groupA1 branchA2 districtB branchB1
  anonymous: row('401 401 401 401 401 401 401'),
  member: row('404 404 403 404 404 404 404'),
  enterprise: row('404 404 404 404 403 404 404'),
  secretary: row('404 404 201 400 404 404 404'),
  districtA: row('404 400 201 400 201 404 404'),
  districtB: row('404 404 404 404 404 400 201'),
  city: row('400 400 201 400 201 400 201'),
  sysadmin: row('404 404 404 404 404 404 404'),
  secadmin: row('403 403 403 403 403 403 403'),
  auditor: row('404 404 404 404 404 404 404'),
};
const orgCells = (table: Record<Actor, number[]>) =>
  ACTORS.flatMap((actor) => TARGETS.map((target, i) => [actor, target, table[actor][i]!] as const));

describe.each(orgCells(CREATE))('POST /api/members — %s into %s → %i', (actor, target, status) => {
  it('answers as declared', async () => {
    const res = await w.call(actor, 'POST', '/api/members', memberBody(w.tree[target]));
    expect(res.statusCode).toBe(status);
  });
});

/** Listing one org's subtree: where member.read holds at that org. */
const LIST: Record<Actor, number[]> = {
  anonymous: row('401 401 401 401 401 401 401'),
  member: row('404 404 403 404 404 404 404'),
  enterprise: row('404 404 404 404 403 404 404'),
  secretary: row('404 404 200 200 404 404 404'),
  districtA: row('404 200 200 200 200 404 404'),
  districtB: row('404 404 404 404 404 200 200'),
  city: row('200 200 200 200 200 200 200'),
  sysadmin: row('404 404 404 404 404 404 404'),
  secadmin: row('403 403 403 403 403 403 403'),
  auditor: row('404 404 404 404 404 404 404'),
};

describe.each(orgCells(LIST))('GET /api/members?orgId= — %s on %s → %i', (actor, target, status) => {
  it('answers as declared, masked', async () => {
    const res = await w.call(actor, 'GET', `/api/members?orgId=${w.tree[target]}&pageSize=100`);
    expect(res.statusCode).toBe(status);
    expect(res.body).not.toMatch(FULL_ID);
  });
});

describe('the whole-scope list holds exactly the members the actor may read (AZ-03)', () => {
  const READABLE: Record<Actor, MemberTarget[] | number> = {
    anonymous: 401,
    member: [],
    enterprise: [],
    secretary: ['branchA1'],
    districtA: ['branchA1', 'branchA2'],
    districtB: ['branchB1'],
    city: ['branchA1', 'branchA2', 'branchB1'],
    sysadmin: [],
    secadmin: [],
    auditor: [],
  };
  it.each(ACTORS)('GET /api/members as %s', async (actor) => {
    const res = await w.call(actor, 'GET', '/api/members?pageSize=100');
    const expected = READABLE[actor];
    if (typeof expected === 'number') return expect(res.statusCode).toBe(expected);
    expect(res.statusCode).toBe(200);
    const orgs = new Set(res.json().items.map((m: { orgId: string }) => m.orgId));
    expect([...orgs].sort()).toEqual(expected.map((k) => w.tree[k]).sort());
    expect(res.json().total).toBe(res.json().items.length);
  });
});

describe('mass assignment (AZ-05)', () => {
  it.each([{ archivedAt: '2020-01-01' }, { version: 9 }, { role: 'committee_admin' }, { id_number_index: 'x' }])(
    'an extra field %o is rejected, nothing written',
    async (extra) => {
      const body = { ...memberBody(w.tree.branchA1, { name: '多余字段' }), ...extra };
      const res = await w.call('city', 'POST', '/api/members', body);
      expect(res.statusCode).toBe(400);
      const rows = await t.deps.db.selectFrom('member').select('id').where('name', '=', '多余字段').execute();
      expect(rows).toEqual([]);
    },
  );
});

describe('GET /api/members/mine — a member sees their own record and nothing else (AZ-05)', () => {
  it.each(ACTORS)('as %s', async (actor) => {
    if (actor === 'member') {
      await t.deps.db.updateTable('app_user').set({ member_id: memberIn.branchA1 }).where('id', '=', w.userIds.member).execute();
    }
    const res = await w.call(actor, 'GET', '/api/members/mine');
    const expected = actor === 'anonymous' ? 401 : actor === 'member' ? 200 : 404;
    expect(res.statusCode).toBe(expected);
    if (expected === 200)
      expect(res.json()).toMatchObject({ id: memberIn.branchA1, abilities: { manage: false, reveal: false } });
    expect(res.body).not.toMatch(FULL_ID);
  });
});
