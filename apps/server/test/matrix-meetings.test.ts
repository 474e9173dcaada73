import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as files from './fixtures/files.js';
import { ACTORS, type Actor, matrixWorld, row, TARGETS } from './matrix.support.js';
import { meeting } from './meetings.support.js';
import { testApp } from './support.js';

let t: Awaited<ReturnType<typeof testApp>>;
let w: Awaited<ReturnType<typeof matrixWorld>>;
beforeAll(async () => {
  t = await testApp();
  w = await matrixWorld(t);
});
afterAll(() => t.close());

/**
 * AZ-02 for organisational life. Org columns: city districtA branchA1 groupA1 branchA2 districtB branchB1.
 * meeting.read: secretaries, committee admins (and instructors, not in the matrix world); the member and
 * enterprise roles see their org (403 there); the security admin sees the tree's names (403); the rest 404.
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
// The roster of a committee meeting: only branches hold one (400 at committees and the group for those allowed).
const ROSTER: Record<Actor, number[]> = {
  ...READ,
  secretary: row('404 404 200 400 404 404 404'),
  districtA: row('404 400 200 400 200 404 404'),
  districtB: row('404 404 404 404 404 400 200'),
  city: row('400 400 200 400 200 400 200'),
};
// Writing at a branch (plan a meeting, upload an attachment): branch columns A1 A2 B1.
const BRANCHES = ['branchA1', 'branchA2', 'branchB1'] as const;
const WRITE: Record<Actor, number[]> = {
  anonymous: row('401 401 401'),
  member: row('403 404 404'),
  enterprise: row('404 403 404'),
  secretary: row('201 404 404'),
  districtA: row('201 201 404'),
  districtB: row('404 404 201'),
  city: row('201 201 201'),
  sysadmin: row('404 404 404'),
  secadmin: row('403 403 403'),
  auditor: row('404 404 404'),
};
// One meeting of a branch (read it, its attachment; edit, cancel): invisible → 404, member included.
const ONE: Record<Actor, number[]> = {
  anonymous: row('401 401 401'),
  member: row('404 404 404'),
  enterprise: row('404 404 404'),
  secretary: row('200 404 404'),
  districtA: row('200 200 404'),
  districtB: row('404 404 200'),
  city: row('200 200 200'),
  sysadmin: row('404 404 404'),
  secadmin: row('404 404 404'),
  auditor: row('404 404 404'),
};
const RULES_READ: Record<Actor, number> = {
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
const RULES_WRITE: Record<Actor, number> = { ...RULES_READ, secretary: 403, districtA: 403, districtB: 403 };

const byOrg = (table: Record<Actor, number[]>) =>
  ACTORS.flatMap((a) => TARGETS.map((target, i) => [a, target, table[a][i]!] as const));
const byBranch = (table: Record<Actor, number[]>) => ACTORS.flatMap((a) => BRANCHES.map((b, i) => [a, b, table[a][i]!] as const));
const plain = (table: Record<Actor, number>) => ACTORS.map((a) => [a, table[a]] as const);

async function meetingAt(branch: (typeof BRANCHES)[number]): Promise<string> {
  const res = await w.call('city', 'POST', '/api/meetings', meeting(w.tree[branch], { status: 'planned', date: '2026-12-20' }));
  expect(res.statusCode).toBe(201);
  return res.json().id;
}

describe.each(byOrg(READ))('GET /api/meetings — %s on %s → %i', (actor, target, status) => {
  it('answers as declared', async () => {
    expect((await w.call(actor, 'GET', `/api/meetings?orgId=${w.tree[target]}`)).statusCode).toBe(status);
  });
});
describe.each(byOrg(READ))('GET /api/meetings/compliance — %s on %s → %i', (actor, target, status) => {
  it('answers as declared', async () => {
    expect((await w.call(actor, 'GET', `/api/meetings/compliance?orgId=${w.tree[target]}&year=2026`)).statusCode).toBe(status);
  });
});
describe.each(byOrg(READ))('GET /api/meetings/compliance/gaps — %s on %s → %i', (actor, target, status) => {
  it('answers as declared', async () => {
    expect((await w.call(actor, 'GET', `/api/meetings/compliance/gaps?orgId=${w.tree[target]}&year=2026`)).statusCode).toBe(
      status,
    );
  });
});
describe.each(byOrg(ROSTER))('GET /api/meetings/roster (committee meeting) — %s on %s → %i', (actor, target, status) => {
  it('answers as declared', async () => {
    const res = await w.call(actor, 'GET', `/api/meetings/roster?orgId=${w.tree[target]}&kind=committee_meeting`);
    expect(res.statusCode).toBe(status);
  });
});
describe.each(byBranch(WRITE))('POST /api/meetings — %s at %s → %i', (actor, branch, status) => {
  it('answers as declared', async () => {
    const res = await w.call(actor, 'POST', '/api/meetings', meeting(w.tree[branch], { status: 'planned', date: '2026-12-20' }));
    expect(res.statusCode).toBe(status);
  });
});
describe.each(byBranch(WRITE))('POST /api/attachments?use=meeting — %s at %s → %i', (actor, branch, status) => {
  it('answers as declared', async () => {
    const body = files.multipart('合影.png', files.png());
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/attachments?use=meeting&orgId=${w.tree[branch]}`,
      headers: { ...(w.sessions[actor]?.headers ?? {}), ...body.headers },
      payload: body.payload,
    });
    expect(res.statusCode).toBe(status);
  });
});
describe.each(byBranch(ONE))('GET /api/meetings/:id — %s, meeting of %s → %i', (actor, branch, status) => {
  it('answers as declared', async () => {
    expect((await w.call(actor, 'GET', `/api/meetings/${await meetingAt(branch)}`)).statusCode).toBe(status);
  });
});
describe.each(byBranch(ONE))('PUT /api/meetings/:id — %s, meeting of %s → %i', (actor, branch, status) => {
  it('answers as declared', async () => {
    const id = await meetingAt(branch);
    const res = await w.call(
      actor,
      'PUT',
      `/api/meetings/${id}`,
      meeting(w.tree[branch], { status: 'planned', date: '2026-12-21' }),
    );
    expect(res.statusCode).toBe(status);
  });
});
describe.each(byBranch(ONE))('POST /api/meetings/:id/cancel — %s, meeting of %s → %i', (actor, branch, status) => {
  it('answers as declared', async () => {
    const res = await w.call(actor, 'POST', `/api/meetings/${await meetingAt(branch)}/cancel`, { reason: '时间冲突，改期' });
    expect(res.statusCode).toBe(status);
  });
});
describe.each(byBranch(ONE))('GET /api/attachments/:id (a meeting’s photo) — %s, meeting of %s → %i', (actor, branch, status) => {
  it('answers as declared', async () => {
    const body = files.multipart('合影.png', files.png());
    const up = await t.app.inject({
      method: 'POST',
      url: `/api/attachments?use=meeting&orgId=${w.tree[branch]}`,
      headers: { ...w.sessions.city!.headers, ...body.headers },
      payload: body.payload,
    });
    const res = await w.call('city', 'POST', '/api/meetings', {
      ...meeting(w.tree[branch], { status: 'planned', date: '2026-12-20' }),
      attachmentIds: [up.json().id],
    });
    expect(res.statusCode).toBe(201);
    expect((await w.call(actor, 'GET', `/api/attachments/${up.json().id}`)).statusCode).toBe(status);
  });
});
describe.each(plain(RULES_READ))('GET /api/meetings/rules — %s → %i', (actor, status) => {
  it('answers as declared', async () => {
    expect((await w.call(actor, 'GET', '/api/meetings/rules')).statusCode).toBe(status);
  });
});
describe.each(plain(RULES_WRITE))('PUT /api/meetings/rules — %s → %i', (actor, status) => {
  it('answers as declared', async () => {
    const res = await w.call(actor, 'PUT', '/api/meetings/rules', { kind: 'theme_day', fromYear: 2027, frequency: 'month' });
    expect(res.statusCode).toBe(status);
  });
});
