import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { beijingDate } from '../src/platform/clock.js';
import { ACTORS, type Actor, matrixWorld, row } from './matrix.support.js';
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
 * AZ-02 for the transfer routes. A transfer has two sides, so its columns are not single orgs:
 * - issuing and registering: the org on the acting side (the member's branch, or the receiving branch);
 * - the routes on one transfer: the transfer's path, sending branch → receiving branch.
 * The matrix world's branches: branchA1 and branchA2 in 甲区, branchB1 in 乙区.
 */
const BRANCHES = ['branchA1', 'branchA2', 'branchB1'] as const;
const PATHS = [
  ['branchA1', 'branchB1'],
  ['branchB1', 'branchA2'],
  ['branchA1', 'branchA2'],
] as const;
type Branch = (typeof BRANCHES)[number];

const none = (status: number) => row(`${status} ${status} ${status}`);

// Acting on a branch: transfer.manage there (secretary of A1, the district admins, the city admin). The member
// and enterprise roles see their own org (403 there); the security admin sees the tree's names (403); the rest 404.
const ACT_ON_BRANCH: Record<Actor, number[]> = {
  anonymous: none(401),
  member: row('403 404 404'),
  enterprise: row('404 403 404'),
  secretary: row('201 404 404'),
  districtA: row('201 201 404'),
  districtB: row('404 404 201'),
  city: row('201 201 201'),
  sysadmin: none(404),
  secadmin: none(403),
  auditor: none(404),
};
// Recording the receipt of a transfer out, by its sending branch: the sending side only; a transfer is not
// visible to anyone who is not one of its sides, so the rest get 404 (even where they see the org).
const RECEIPT: Record<Actor, number[]> = {
  anonymous: none(401),
  member: none(404),
  enterprise: none(404),
  secretary: row('200 404 404'),
  districtA: row('200 200 404'),
  districtB: row('404 404 200'),
  city: none(200),
  sysadmin: none(404),
  secadmin: none(404),
  auditor: none(404),
};

// One transfer, by its path (A1→B1, B1→A2, A1→A2): only its two sides see it (404 to everyone else).
const READ_ONE: Record<Actor, number[]> = {
  anonymous: none(401),
  member: none(404),
  enterprise: none(404),
  secretary: row('200 404 200'),
  districtA: row('200 200 200'),
  districtB: row('200 200 404'),
  city: none(200),
  sysadmin: none(404),
  secadmin: none(404),
  auditor: none(404),
};
// Accept and reject: the receiving side only; the sending side is refused (403).
const RECEIVING_SIDE: Record<Actor, number[]> = {
  ...READ_ONE,
  secretary: row('403 404 403'),
  districtA: row('403 200 200'),
  districtB: row('200 403 404'),
};
// Cancel: the sending side only; the receiving side is refused (403).
const SENDING_SIDE: Record<Actor, number[]> = {
  ...READ_ONE,
  secretary: row('200 404 200'),
  districtA: row('200 403 200'),
  districtB: row('403 200 404'),
};
// The lists and the destination directory: anyone holding transfer.manage somewhere.
const LISTS: Record<Actor, number> = {
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

let letters = 0;
const today = () => beijingDate(t.clock.now());
const letter = () => ({ letterNo: `矩阵〔2026〕${++letters}号`, issuedOn: today(), reason: 'job_change' });

async function memberIn(branch: Branch): Promise<string> {
  const res = await w.call('city', 'POST', '/api/members', memberBody(w.tree[branch]));
  expect(res.statusCode).toBe(201);
  return res.json().id;
}
const withinBody = (memberId: string, to: Branch) => ({ direction: 'within', memberId, toOrgId: w.tree[to], ...letter() });
const outBody = (memberId: string) => ({
  direction: 'out',
  memberId,
  externalOrgName: '中共某省某市某公司支部委员会',
  crossProvince: true,
  ...letter(),
});
const inBody = (to: Branch) => {
  const { orgId: _orgId, ...member } = memberBody(w.tree[to]);
  return {
    direction: 'in',
    toOrgId: w.tree[to],
    externalOrgName: '中共某市某公司支部委员会',
    crossProvince: false,
    member,
    ...letter(),
  };
};
async function transfer(from: Branch, to: Branch): Promise<string> {
  const res = await w.call('city', 'POST', '/api/transfers', withinBody(await memberIn(from), to));
  expect(res.statusCode).toBe(201);
  return res.json().id;
}

const byBranch = (table: Record<Actor, number[]>) =>
  ACTORS.flatMap((actor) => BRANCHES.map((branch, i) => [actor, branch, table[actor][i]!] as const));
const byPath = (table: Record<Actor, number[]>) =>
  ACTORS.flatMap((actor) => PATHS.map(([from, to], i) => [actor, `${from}→${to}`, table[actor][i]!, from, to] as const));

describe.each(byBranch(ACT_ON_BRANCH))('POST /api/transfers (within) — %s, member of %s → %i', (actor, branch, status) => {
  it('answers as declared', async () => {
    const to: Branch = branch === 'branchB1' ? 'branchA1' : 'branchB1';
    const res = await w.call(actor, 'POST', '/api/transfers', withinBody(await memberIn(branch), to));
    expect(res.statusCode).toBe(status);
  });
});

describe.each(byBranch(ACT_ON_BRANCH))('POST /api/transfers (out) — %s, member of %s → %i', (actor, branch, status) => {
  it('answers as declared', async () => {
    const res = await w.call(actor, 'POST', '/api/transfers', outBody(await memberIn(branch)));
    expect(res.statusCode).toBe(status);
  });
});

describe.each(byBranch(ACT_ON_BRANCH))('POST /api/transfers (in) — %s, into %s → %i', (actor, branch, status) => {
  it('answers as declared', async () => {
    expect((await w.call(actor, 'POST', '/api/transfers', inBody(branch))).statusCode).toBe(status);
  });
});

describe.each(byBranch(RECEIPT))('POST /api/transfers/:id/receipt — %s, out of %s → %i', (actor, branch, status) => {
  it('answers as declared', async () => {
    const id = (await w.call('city', 'POST', '/api/transfers', outBody(await memberIn(branch)))).json().id;
    const res = await w.call(actor, 'POST', `/api/transfers/${id}/receipt`, { receivedOn: today() });
    expect(res.statusCode).toBe(status);
  });
});

describe.each(byPath(READ_ONE))('GET /api/transfers/:id — %s on %s → %i', (actor, _path, status, from, to) => {
  it('answers as declared', async () => {
    const id = await transfer(from, to);
    const res = await w.call(actor, 'GET', `/api/transfers/${id}`);
    expect(res.statusCode).toBe(status);
    if (status === 200) expect(res.json().id).toBe(id);
  });
});

describe.each(byPath(RECEIVING_SIDE))('POST /api/transfers/:id/accept — %s on %s → %i', (actor, _path, status, from, to) => {
  it('answers as declared; the member moves only when allowed', async () => {
    const id = await transfer(from, to);
    const res = await w.call(actor, 'POST', `/api/transfers/${id}/accept`);
    expect(res.statusCode).toBe(status);
    const t1 = await t.deps.db
      .selectFrom('transfer')
      .select(['member_id', 'status'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    const member = await t.deps.db
      .selectFrom('member')
      .select('org_id')
      .where('id', '=', t1.member_id!)
      .executeTakeFirstOrThrow();
    expect(member.org_id).toBe(w.tree[status === 200 ? to : from]);
    expect(t1.status).toBe(status === 200 ? 'accepted' : 'pending');
  });
});

describe.each(byPath(RECEIVING_SIDE))('POST /api/transfers/:id/reject — %s on %s → %i', (actor, _path, status, from, to) => {
  it('answers as declared', async () => {
    const id = await transfer(from, to);
    expect((await w.call(actor, 'POST', `/api/transfers/${id}/reject`, { reason: '矩阵退回' })).statusCode).toBe(status);
  });
});

describe.each(byPath(SENDING_SIDE))('POST /api/transfers/:id/cancel — %s on %s → %i', (actor, _path, status, from, to) => {
  it('answers as declared', async () => {
    const id = await transfer(from, to);
    expect((await w.call(actor, 'POST', `/api/transfers/${id}/cancel`, { reason: '矩阵撤销' })).statusCode).toBe(status);
  });
});

describe.each(ACTORS.map((a) => [a, LISTS[a]] as const))('GET /api/transfers — %s → %i', (actor, status) => {
  it('answers as declared, listing only transfers with a side in scope', async () => {
    for (const box of ['outgoing', 'incoming', 'overdue']) {
      const res = await w.call(actor, 'GET', `/api/transfers?box=${box}&pageSize=100`);
      expect(res.statusCode).toBe(status);
      if (status !== 200) continue;
      for (const item of res.json().items as { fromOrg: { id: string } | null; toOrg: { id: string } | null }[]) {
        const side = box === 'outgoing' ? item.fromOrg : box === 'incoming' ? item.toOrg : (item.fromOrg ?? item.toOrg);
        const branch = BRANCHES.find((b) => w.tree[b] === side?.id);
        expect(branch).toBeDefined();
        if (box !== 'overdue') expect(ACT_ON_BRANCH[actor][BRANCHES.indexOf(branch!)]).toBe(201);
      }
    }
  });
});

describe.each(ACTORS.map((a) => [a, LISTS[a]] as const))('GET /api/transfers/destinations — %s → %i', (actor, status) => {
  it('answers as declared, with names only', async () => {
    const res = await w.call(actor, 'GET', `/api/transfers/destinations?q=${encodeURIComponent('党支部')}`);
    expect(res.statusCode).toBe(status);
    if (status !== 200) return;
    const ids = res.json().items.map((i: { id: string }) => i.id);
    expect(ids.sort()).toEqual(BRANCHES.map((b) => w.tree[b]).sort());
    for (const item of res.json().items) expect(Object.keys(item).sort()).toEqual(['districtName', 'id', 'name']);
  });
});

describe('a transfer opens nothing on the other side', () => {
  it('the sending district cannot read the receiving branch or its members, before or after acceptance', async () => {
    const memberId = await memberIn('branchA1');
    const id = (await w.call('districtA', 'POST', '/api/transfers', withinBody(memberId, 'branchB1'))).json().id;
    expect((await w.call('districtA', 'GET', `/api/orgs/${w.tree.branchB1}`)).statusCode).toBe(404);
    expect((await w.call('districtA', 'GET', `/api/members?orgId=${w.tree.branchB1}`)).statusCode).toBe(404);
    expect((await w.call('districtB', 'GET', `/api/members/${memberId}`)).statusCode).toBe(404);
    expect((await w.call('districtB', 'POST', `/api/transfers/${id}/accept`)).statusCode).toBe(200);
    expect((await w.call('districtA', 'GET', `/api/members/${memberId}`)).statusCode).toBe(404);
    expect((await w.call('districtB', 'GET', `/api/members/${memberId}`)).statusCode).toBe(200);
    // Both sides still see the transfer itself, as its record.
    expect((await w.call('districtA', 'GET', `/api/transfers/${id}`)).statusCode).toBe(200);
  });
});
