import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTORS, type Actor, matrixWorld, row } from './matrix.support.js';
import { memberBody } from './members.support.js';
import { testApp } from './support.js';

let t: Awaited<ReturnType<typeof testApp>>;
let w: Awaited<ReturnType<typeof matrixWorld>>;
beforeAll(async () => {
  t = await testApp();
  w = await matrixWorld(t);
  for (const branch of BRANCHES) {
    const res = await w.call('city', 'POST', '/api/members', memberBody(w.tree[branch], { name: '评议对象' }));
    expect(res.statusCode).toBe(201);
  }
});
afterAll(() => t.close());

/**
 * AZ-02 for the appraisal routes: appraisal.manage at the branch (its secretary, the committee admins above).
 * The member and enterprise roles see their own branch (403 there); the security admin sees names (403).
 */
const BRANCHES = ['branchA1', 'branchA2', 'branchB1'] as const;
const none = (status: number) => row(`${status} ${status} ${status}`);
const OPEN: Record<Actor, number[]> = {
  anonymous: none(401),
  member: row('403 404 404'),
  enterprise: row('404 403 404'),
  secretary: row('201 404 404'),
  districtA: row('201 201 404'),
  districtB: row('404 404 201'),
  city: none(201),
  sysadmin: none(404),
  secadmin: none(403),
  auditor: none(404),
};
const ok = (table: Record<Actor, number[]>) =>
  Object.fromEntries(Object.entries(table).map(([a, r]) => [a, r.map((s) => (s === 201 ? 200 : s))])) as Record<Actor, number[]>;
const LIST: Record<Actor, number> = {
  anonymous: 401,
  member: 403,
  enterprise: 403,
  secretary: 200,
  districtA: 200,
  districtB: 200,
  city: 200,
  sysadmin: 403,
  secadmin: 403,
  auditor: 403,
};

// One appraisal per branch and year: each row starts from a branch without one.
const year = 2025;
async function fresh(branch: (typeof BRANCHES)[number]) {
  const ids = t.deps.db.selectFrom('appraisal').select('id').where('org_id', '=', w.tree[branch]);
  await t.deps.db.deleteFrom('appraisal_entry').where('appraisal_id', 'in', ids).execute();
  await t.deps.db.deleteFrom('appraisal').where('org_id', '=', w.tree[branch]).execute();
}
async function opened(branch: (typeof BRANCHES)[number]) {
  await fresh(branch);
  const res = await w.call('city', 'POST', '/api/appraisals', { orgId: w.tree[branch], year });
  expect(res.statusCode).toBe(201);
  const id = res.json().id as string;
  const entry = (await w.call('city', 'GET', `/api/appraisals/${id}`)).json().entries[0];
  return { id, entry };
}
const byBranch = (table: Record<Actor, number[]>) =>
  ACTORS.flatMap((actor) => BRANCHES.map((branch, i) => [actor, branch, table[actor][i]!] as const));

describe.each(byBranch(OPEN))('POST /api/appraisals — %s for %s → %i', (actor, branch, status) => {
  it('answers as declared', async () => {
    await fresh(branch);
    const res = await w.call(actor, 'POST', '/api/appraisals', { orgId: w.tree[branch], year });
    expect(res.statusCode).toBe(status);
  });
});

describe.each(byBranch(ok(OPEN)))('GET /api/appraisals/:id — %s on %s → %i', (actor, branch, status) => {
  it('answers as declared', async () => {
    const { id } = await opened(branch);
    expect((await w.call(actor, 'GET', `/api/appraisals/${id}`)).statusCode).toBe(status);
  });
});

describe.each(byBranch(ok(OPEN)))('PUT /api/appraisals/:id/entries/:entryId — %s on %s → %i', (actor, branch, status) => {
  it('answers as declared; the entry changes only when allowed', async () => {
    const { id, entry } = await opened(branch);
    const res = await w.call(actor, 'PUT', `/api/appraisals/${id}/entries/${entry.id}`, { grade: 'qualified', version: 1 });
    expect(res.statusCode).toBe(status);
    const after = (await w.call('city', 'GET', `/api/appraisals/${id}`)).json().entries[0];
    expect(after.grade).toBe(status === 200 ? 'qualified' : null);
  });
});

describe.each(byBranch(ok(OPEN)))('POST /api/appraisals/:id/close — %s on %s → %i', (actor, branch, status) => {
  it('answers as declared', async () => {
    const { id, entry } = await opened(branch);
    await w.call('city', 'PUT', `/api/appraisals/${id}/entries/${entry.id}`, { grade: 'qualified', version: 1 });
    expect((await w.call(actor, 'POST', `/api/appraisals/${id}/close`)).statusCode).toBe(status);
  });
});

describe.each(byBranch(ok(OPEN)))('POST /api/appraisals/:id/refresh — %s on %s → %i', (actor, branch, status) => {
  it('answers as declared', async () => {
    const { id } = await opened(branch);
    expect((await w.call(actor, 'POST', `/api/appraisals/${id}/refresh`)).statusCode).toBe(status);
  });
});

describe.each(ACTORS.map((a) => [a, LIST[a]] as const))('GET /api/appraisals — %s → %i', (actor, status) => {
  it('answers as declared', async () => {
    expect((await w.call(actor, 'GET', '/api/appraisals')).statusCode).toBe(status);
  });
});
