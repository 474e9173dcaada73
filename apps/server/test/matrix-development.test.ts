import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { beijingDate } from '../src/platform/clock.js';
import { applicantBody } from './development.support.js';
import { ACTORS, type Actor, matrixWorld, row, TARGETS } from './matrix.support.js';
import { memberBody } from './members.support.js';
import { testApp } from './support.js';

let t: Awaited<ReturnType<typeof testApp>>;
let w: Awaited<ReturnType<typeof matrixWorld>>;
beforeAll(async () => {
  t = await testApp();
  w = await matrixWorld(t);
});
afterAll(() => t.close());

/**
 * AZ-02 for member development. Org routes over the whole tree (columns: city districtA branchA1 groupA1
 * branchA2 districtB branchB1); file routes by the file's branch (A1, A2, B1). development.read/manage: the
 * secretary (A1), the district and city admins. The member and enterprise roles see their own org (403 there);
 * the security admin sees the tree's names (403); the rest 404.
 */
const READ: Record<Actor, number[]> = {
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
// Plans are set by committees (development.approve): a secretary reads but does not set them.
const SET_PLAN: Record<Actor, number[]> = { ...READ, secretary: row('404 404 403 403 404 404 404') };

const BRANCHES = ['branchA1', 'branchA2', 'branchB1'] as const;
type Branch = (typeof BRANCHES)[number];
const ON_FILE = (ok: number): Record<Actor, number[]> => ({
  anonymous: row('401 401 401'),
  member: row('403 404 404'),
  enterprise: row('404 403 404'),
  secretary: row(`${ok} 404 404`),
  districtA: row(`${ok} ${ok} 404`),
  districtB: row(`404 404 ${ok}`),
  city: row(`${ok} ${ok} ${ok}`),
  sysadmin: row('404 404 404'),
  secadmin: row('403 403 403'),
  auditor: row('404 404 404'),
});
// The committee's steps: the branch secretary sees the file but the committee above records them (403).
const UPPER_STEP: Record<Actor, number[]> = { ...ON_FILE(201), secretary: row('403 404 404') };

const today = () => beijingDate(t.clock.now());
const byOrg = (table: Record<Actor, number[]>) =>
  ACTORS.flatMap((actor) => TARGETS.map((target, i) => [actor, target, table[actor][i]!] as const));
const byBranch = (table: Record<Actor, number[]>) =>
  ACTORS.flatMap((actor) => BRANCHES.map((branch, i) => [actor, branch, table[actor][i]!] as const));

let people = 0;
async function file(branch: Branch, steps = 1, talents = false): Promise<string> {
  const res = await w.call('city', 'POST', '/api/development', {
    ...applicantBody(w.tree[branch], { appliedOn: today() }),
    ...(talents ? { talents: { industryLeader: false, founder: true, keyDeptHead: false } } : {}),
  });
  expect(res.statusCode, res.body).toBe(201);
  people++;
  const id = res.json().id as string;
  for (let n = 2; n <= steps; n++) {
    expect((await w.call('city', 'POST', `/api/development/${id}/steps`, { step: n, doneOn: today() })).statusCode).toBe(201);
  }
  return id;
}
const shared = {} as Record<Branch, { file: string; flagged: string; mentor: string; notice: string }>;
beforeAll(async () => {
  for (const b of BRANCHES) {
    const mentor = (await w.call('city', 'POST', '/api/members', memberBody(w.tree[b]))).json().id;
    const flagged = await file(b, 1, true);
    const f = await file(b);
    // A notice needs steps 1–11 behind it: written straight into the tables, as the rules are tested elsewhere.
    const noticeId = `0190${people.toString(16).padStart(4, '0')}-0000-7000-8000-000000000000`;
    await t.deps.db
      .insertInto('development_notice')
      .values({
        id: noticeId,
        development_id: f,
        org_id: w.tree[b],
        purpose: 'admission',
        starts_on: today(),
        ends_on: today(),
        working_days: 5,
        scope: null,
        created_at: new Date().toISOString(),
        created_by: null,
      })
      .execute();
    shared[b] = { file: f, flagged, mentor, notice: noticeId };
  }
});

for (const [route, url] of [
  ['board', (org: string) => `/api/development/board?orgId=${org}`],
  ['deadlines', (org: string) => `/api/development/deadlines?orgId=${org}`],
  ['notices', (org: string) => `/api/development/notices?orgId=${org}`],
  ['plans', (org: string) => `/api/development/plans?orgId=${org}&year=2026`],
  ['talents', (org: string) => `/api/development/talents?orgId=${org}`],
] as const) {
  describe.each(byOrg(READ))(`GET /api/development/${route} — %s on %s → %i`, (actor, target, status) => {
    it('answers as declared', async () => {
      expect((await w.call(actor, 'GET', url(w.tree[target]))).statusCode).toBe(status);
    });
  });
}

describe.each(byOrg(SET_PLAN))('PUT /api/development/plans — %s on %s → %i', (actor, target, status) => {
  it('answers as declared', async () => {
    const res = await w.call(actor, 'PUT', '/api/development/plans', { orgId: w.tree[target], year: 2026, quota: 2 });
    expect(res.statusCode).toBe(status);
  });
});

describe.each(byBranch(ON_FILE(201)))('POST /api/development — %s in %s → %i', (actor, branch, status) => {
  it('answers as declared', async () => {
    const res = await w.call(actor, 'POST', '/api/development', applicantBody(w.tree[branch], { appliedOn: today() }));
    expect(res.statusCode).toBe(status);
  });
});

describe.each(byBranch(ON_FILE(200)))('GET /api/development/:id — %s, file in %s → %i', (actor, branch, status) => {
  it('answers as declared', async () => {
    const res = await w.call(actor, 'GET', `/api/development/${shared[branch].file}`);
    expect(res.statusCode).toBe(status);
    if (status === 200) expect(res.json().idNumberMasked).toContain('*');
  });
});

describe.each(byBranch(ON_FILE(201)))(
  'POST /api/development/:id/steps (branch step) — %s, file in %s → %i',
  (actor, branch, status) => {
    it('answers as declared', async () => {
      const id = await file(branch);
      expect((await w.call(actor, 'POST', `/api/development/${id}/steps`, { step: 2, doneOn: today() })).statusCode).toBe(status);
    });
  },
);

describe.each(byBranch(UPPER_STEP))(
  'POST /api/development/:id/steps (committee step) — %s, file in %s → %i',
  (actor, branch, status) => {
    it('answers as declared', async () => {
      const id = await file(branch, 3);
      expect((await w.call(actor, 'POST', `/api/development/${id}/steps`, { step: 4, doneOn: today() })).statusCode).toBe(status);
    });
  },
);

// Allowed actors pass authorization and meet the rule (400: not the stage for a notice or an extension).
describe.each(byBranch(ON_FILE(400)))('POST /api/development/:id/notices — %s, file in %s → %i', (actor, branch, status) => {
  it('answers as declared', async () => {
    const res = await w.call(actor, 'POST', `/api/development/${shared[branch].file}/notices`, {
      purpose: 'admission',
      startsOn: today(),
    });
    expect(res.statusCode).toBe(status);
  });
});

describe.each(byBranch(ON_FILE(400)))('POST /api/development/:id/extend — %s, file in %s → %i', (actor, branch, status) => {
  it('answers as declared', async () => {
    const res = await w.call(actor, 'POST', `/api/development/${shared[branch].file}/extend`, {
      months: 6,
      decidedOn: today(),
      reason: '继续考察',
    });
    expect(res.statusCode).toBe(status);
  });
});

describe.each(byBranch(ON_FILE(200)))(
  'POST /api/development/notices/:id/objections — %s, notice in %s → %i',
  (actor, branch, status) => {
    it('answers as declared', async () => {
      const res = await w.call(actor, 'POST', `/api/development/notices/${shared[branch].notice}/objections`, {
        receivedOn: today(),
        content: '群众反映情况',
        upheld: false,
      });
      expect(res.statusCode).toBe(status);
    });
  },
);

describe.each(byBranch(ON_FILE(200)))('POST /api/development/:id/close — %s, file in %s → %i', (actor, branch, status) => {
  it('answers as declared', async () => {
    const id = await file(branch);
    expect((await w.call(actor, 'POST', `/api/development/${id}/close`, { reason: '本人申请撤回' })).statusCode).toBe(status);
  });
});

describe.each(byBranch(ON_FILE(200)))('PUT /api/development/talents/mentor — %s, talent in %s → %i', (actor, branch, status) => {
  it('answers as declared', async () => {
    const res = await w.call(actor, 'PUT', '/api/development/talents/mentor', {
      subject: { developmentId: shared[branch].flagged },
      mentorMemberId: shared[branch].mentor,
    });
    expect(res.statusCode).toBe(status);
  });
});

describe.each(byBranch(ON_FILE(201)))(
  'POST /api/development/talents/records — %s, talent in %s → %i',
  (actor, branch, status) => {
    it('answers as declared', async () => {
      const res = await w.call(actor, 'POST', '/api/development/talents/records', {
        subject: { developmentId: shared[branch].flagged },
        on: today(),
        content: '谈心谈话',
      });
      expect(res.statusCode).toBe(status);
    });
  },
);
