import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTORS, type Actor, matrixWorld, row, TARGETS, type Target } from './matrix.support.js';
import { memberBody } from './members.support.js';
import { testApp } from './support.js';

let t: Awaited<ReturnType<typeof testApp>>;
let w: Awaited<ReturnType<typeof matrixWorld>>;

const MONTH = '2026-03';
const MEMBER_TARGETS = ['branchA1', 'branchA2', 'branchB1'] as const;
type MemberTarget = (typeof MEMBER_TARGETS)[number];
/** One member in each branch, with a dues profile (employee, 5000 元 → 50 元 a month). */
const memberIn = {} as Record<MemberTarget, string>;
/** The member whose payment each org's sheet records (a group holds no members: its sheet has none of them). */
const PAYER: Record<Target, MemberTarget> = {
  city: 'branchB1',
  districtA: 'branchA2',
  branchA1: 'branchA1',
  groupA1: 'branchA1',
  branchA2: 'branchA2',
  districtB: 'branchB1',
  branchB1: 'branchB1',
};
/** The org one level above each branch, where its reductions are decided. */
const APPROVER: Record<MemberTarget, Target> = { branchA1: 'districtA', branchA2: 'districtA', branchB1: 'districtB' };

beforeAll(async () => {
  t = await testApp();
  t.clock.set('2026-03-15T04:00:00Z');
  w = await matrixWorld(t);
  for (const target of MEMBER_TARGETS) {
    const res = await w.call('city', 'POST', '/api/members', memberBody(w.tree[target]));
    expect(res.statusCode).toBe(201);
    memberIn[target] = res.json().id;
    const profile = await w.call('city', 'PUT', `/api/dues/members/${memberIn[target]}/profile`, {
      category: 'employee',
      baseFen: 500_000,
      fromMonth: '2020-01',
    });
    expect(profile.statusCode).toBe(200);
  }
});
afterAll(() => t.close());

/**
 * AZ-02 for the dues sheet of an org. Columns: city districtA branchA1 groupA1 branchA2 districtB branchB1.
 * Dues are kept by committee admins and secretaries (dues.manage); the member role and the enterprise contact
 * see their org but not its dues (403); the security admin sees the tree's shape only (403); 三员 else 404.
 */
const ON_ORG: Record<Actor, number[]> = {
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
// Recording for a group: allowed, but the branch's member is not in the group (400 names the row).
const PAYMENTS: Record<Actor, number[]> = Object.fromEntries(
  ACTORS.map((a) => [a, ON_ORG[a].map((s, i) => (s === 200 ? (TARGETS[i] === 'groupA1' ? 400 : 201) : s))]),
) as Record<Actor, number[]>;

/** Columns: the member's branch — branchA1 branchA2 branchB1. */
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
/** Deciding a reduction needs dues.approve one level above the branch: the secretary sees it but may not (403). */
const DECIDE: Record<Actor, number[]> = { ...ON_MEMBER, secretary: row('403 404 404') };

const orgCells = (table: Record<Actor, number[]>) =>
  ACTORS.flatMap((actor) => TARGETS.map((target, i) => [actor, target, table[actor][i]!] as const));
const memberCells = (table: Record<Actor, number[]>) =>
  ACTORS.flatMap((actor) => MEMBER_TARGETS.map((target, i) => [actor, target, table[actor][i]!] as const));

const standing = (memberId: string) =>
  t.deps.db
    .selectFrom('dues_payment')
    .select(['id', 'amount_fen'])
    .where('member_id', '=', memberId)
    .where('month', '=', MONTH)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
const clearPayments = (memberId: string) =>
  t.deps.db
    .updateTable('dues_payment')
    .set({ revoked_at: new Date().toISOString(), revoke_reason: '矩阵测试清理' })
    .where('member_id', '=', memberId)
    .where('revoked_at', 'is', null)
    .execute();
async function insertPayment(memberId: string, orgId: string): Promise<string> {
  const id = uuidv7();
  await t.deps.db
    .insertInto('dues_payment')
    .values({
      id,
      member_id: memberId,
      org_id: orgId,
      month: MONTH,
      amount_fen: 5000,
      due_fen: 5000,
      paid_on: `${MONTH}-02`,
      note: null,
      large: 0,
      recorded_at: new Date().toISOString(),
      recorded_by: null,
      recorded_by_name: 'fixture',
      revoked_at: null,
      revoked_by_name: null,
      revoke_reason: null,
    })
    .execute();
  return id;
}
async function insertReduction(target: MemberTarget): Promise<string> {
  const id = uuidv7();
  await t.deps.db
    .insertInto('dues_reduction')
    .values({
      id,
      member_id: memberIn[target],
      org_id: w.tree[target],
      approver_org_id: w.tree[APPROVER[target]],
      from_month: '2030-01',
      to_month: '2030-01',
      amount_fen: 0,
      reason: '矩阵测试',
      status: 'pending',
      requested_at: new Date().toISOString(),
      requested_by: null,
      requested_by_name: 'fixture',
      decided_at: null,
      decided_by: null,
      decided_by_name: null,
      decision_note: null,
    })
    .execute();
  return id;
}

describe.each(orgCells(ON_ORG))('GET /api/dues/sheet — %s on %s → %i', (actor, target, status) => {
  it('answers as declared, listing only members of the org', async () => {
    const res = await w.call(actor, 'GET', `/api/dues/sheet?orgId=${w.tree[target]}&month=${MONTH}`);
    expect(res.statusCode).toBe(status);
    if (status !== 200) return;
    const inside = { city: 3, districtA: 2, branchA1: 1, groupA1: 0, branchA2: 1, districtB: 1, branchB1: 1 }[target];
    expect(res.json().items).toHaveLength(inside);
  });
});

describe.each(orgCells(ON_ORG))('GET /api/dues/sheet/export — %s on %s → %i', (actor, target, status) => {
  it('answers as declared; only a download is audited', async () => {
    const before = await t.deps.db.selectFrom('audit_log').select('seq').where('type', '=', 'dues.export').execute();
    const res = await w.call(actor, 'GET', `/api/dues/sheet/export?orgId=${w.tree[target]}&month=${MONTH}`);
    expect(res.statusCode).toBe(status);
    const after = await t.deps.db.selectFrom('audit_log').select('seq').where('type', '=', 'dues.export').execute();
    expect(after.length - before.length).toBe(status === 200 ? 1 : 0);
  });
});

describe.each(orgCells(ON_ORG))('GET /api/dues/reductions?orgId — %s on %s → %i', (actor, target, status) => {
  it('answers as declared', async () => {
    expect((await w.call(actor, 'GET', `/api/dues/reductions?orgId=${w.tree[target]}`)).statusCode).toBe(status);
  });
});

describe.each(orgCells(PAYMENTS))('POST /api/dues/payments — %s for %s → %i', (actor, target, status) => {
  it('answers as declared, and a refusal writes nothing', async () => {
    const memberId = memberIn[PAYER[target]];
    await clearPayments(memberId);
    const res = await w.call(actor, 'POST', '/api/dues/payments', {
      orgId: w.tree[target],
      month: MONTH,
      paidOn: '2026-03-10',
      items: [{ memberId }],
    });
    expect(res.statusCode).toBe(status);
    const paid = await standing(memberId);
    if (status === 201) expect(paid?.amount_fen).toBe(5000);
    else expect(paid).toBeUndefined();
  });
});

describe.each(memberCells(ON_MEMBER))('GET /api/dues/members/:id — %s on a member of %s → %i', (actor, target, status) => {
  it('answers as declared', async () => {
    const res = await w.call(actor, 'GET', `/api/dues/members/${memberIn[target]}`);
    expect(res.statusCode).toBe(status);
    if (status === 200) expect(res.json().profiles[0].monthlyFen).toBe(5000);
  });
});

describe.each(memberCells(ON_MEMBER))(
  'PUT /api/dues/members/:id/profile — %s on a member of %s → %i',
  (actor, target, status) => {
    it('answers as declared, and a refusal writes nothing', async () => {
      const count = async () =>
        (await t.deps.db.selectFrom('dues_profile').select('id').where('member_id', '=', memberIn[target]).execute()).length;
      const before = await count();
      const res = await w.call(actor, 'PUT', `/api/dues/members/${memberIn[target]}/profile`, {
        category: 'employee',
        baseFen: 500_000,
        fromMonth: '2021-01',
      });
      expect(res.statusCode).toBe(status);
      expect((await count()) - before).toBe(status === 200 ? 1 : 0);
    });
  },
);

describe.each(memberCells(ON_MEMBER))(
  'POST /api/dues/payments/:id/revoke — %s on a member of %s → %i',
  (actor, target, status) => {
    it('answers as declared, and a refusal leaves the payment standing', async () => {
      await clearPayments(memberIn[target]);
      const id = await insertPayment(memberIn[target], w.tree[target]);
      const res = await w.call(actor, 'POST', `/api/dues/payments/${id}/revoke`, { reason: '矩阵测试' });
      expect(res.statusCode).toBe(status);
      expect((await standing(memberIn[target]))?.id).toBe(status === 200 ? undefined : id);
    });
  },
);

describe.each(memberCells(ON_MEMBER))('POST /api/dues/reductions — %s for a member of %s → %i', (actor, target, status) => {
  it('answers as declared', async () => {
    const res = await w.call(actor, 'POST', '/api/dues/reductions', {
      memberId: memberIn[target],
      fromMonth: MONTH,
      toMonth: MONTH,
      amountFen: 0,
      reason: '矩阵测试：生活困难',
    });
    expect(res.statusCode).toBe(status === 200 ? 201 : status);
    // Clear it so the next cell does not overlap.
    if (res.statusCode === 201) {
      await t.deps.db.updateTable('dues_reduction').set({ status: 'rejected' }).where('id', '=', res.json().id).execute();
    }
  });
});

describe.each(memberCells(DECIDE))(
  'POST /api/dues/reductions/:id/decide — %s on a member of %s → %i',
  (actor, target, status) => {
    it('answers as declared, and a refusal leaves it pending', async () => {
      const id = await insertReduction(target);
      const res = await w.call(actor, 'POST', `/api/dues/reductions/${id}/decide`, { decision: 'approved' });
      expect(res.statusCode).toBe(status);
      const after = await t.deps.db.selectFrom('dues_reduction').select('status').where('id', '=', id).executeTakeFirstOrThrow();
      expect(after.status).toBe(status === 200 ? 'approved' : 'pending');
    });
  },
);

describe('GET /api/dues/reductions lists only what the actor keeps or decides (AZ-03)', () => {
  const SEES: Record<Actor, number | MemberTarget[]> = {
    anonymous: 401,
    member: 403,
    enterprise: 403,
    secretary: ['branchA1'],
    districtA: ['branchA1', 'branchA2'],
    districtB: ['branchB1'],
    city: ['branchA1', 'branchA2', 'branchB1'],
    sysadmin: 403,
    secadmin: 403,
    auditor: 403,
  };
  const ids = {} as Record<MemberTarget, string>;
  beforeAll(async () => {
    await t.deps.db.deleteFrom('dues_reduction').execute();
    for (const target of MEMBER_TARGETS) ids[target] = await insertReduction(target);
  });
  it.each(ACTORS)('as %s', async (actor) => {
    const res = await w.call(actor, 'GET', '/api/dues/reductions?status=pending');
    const expected = SEES[actor];
    if (typeof expected === 'number') return expect(res.statusCode).toBe(expected);
    expect(res.statusCode).toBe(200);
    const got = res
      .json()
      .items.map((r: { id: string }) => r.id)
      .sort();
    expect(got).toEqual(expected.map((m) => ids[m]).sort());
  });
});
