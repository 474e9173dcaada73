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
 * AZ-02: GET /api/ledger-check?orgId= needs member.read at the org (committee admins and secretaries).
 * Columns:        city  districtA branchA1 groupA1 branchA2 districtB branchB1
 */
const CHECK: Record<Actor, number[]> = {
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
/** Without an org: the whole member.read scope, refused to whoever holds member.read nowhere. */
const WHOLE_SCOPE: Record<Actor, number> = {
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
/** The branches each reader's whole-scope check covers (the matrix world has no members: its findings are the orgs'). */
const BRANCHES_SEEN: Partial<Record<Actor, string[]>> = {
  secretary: ['branchA1'],
  districtA: ['branchA1', 'branchA2'],
  districtB: ['branchB1'],
  city: ['branchA1', 'branchA2', 'branchB1'],
};

const cells = ACTORS.flatMap((actor) => TARGETS.map((target, i) => [actor, target, CHECK[actor][i]!] as const));

describe.each(cells)('GET /api/ledger-check?orgId= — %s on %s → %i', (actor, target, status) => {
  it('answers as declared', async () => {
    const res = await w.call(actor, 'GET', `/api/ledger-check?orgId=${w.tree[target]}`);
    expect(res.statusCode).toBe(status);
    if (status === 200) expect(res.json().scope.orgId).toBe(w.tree[target]);
  });
});

describe.each(ACTORS.map((actor) => [actor, WHOLE_SCOPE[actor]] as const))('GET /api/ledger-check — %s → %i', (actor, status) => {
  it('answers as declared, over the actor’s scope only', async () => {
    const res = await w.call(actor, 'GET', '/api/ledger-check');
    expect(res.statusCode).toBe(status);
    if (status !== 200) return;
    const body = res.json();
    // Every empty branch is below the set-up minimum, so each branch in scope shows up exactly once.
    const orgs = body.findings
      .filter((f: { kind: string }) => f.kind === 'org_too_few_members')
      .map((f: { subject: { id: string } }) => f.subject.id);
    expect(orgs.sort()).toEqual((BRANCHES_SEEN[actor] ?? []).map((b) => w.tree[b as keyof typeof w.tree]).sort());
  });
});
