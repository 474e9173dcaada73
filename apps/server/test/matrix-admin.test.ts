import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTORS, type Actor, matrixWorld } from './matrix.support.js';
import { addOrg, addUser, testApp } from './support.js';

let t: Awaited<ReturnType<typeof testApp>>;
let w: Awaited<ReturnType<typeof matrixWorld>>;
beforeAll(async () => {
  t = await testApp();
  w = await matrixWorld(t);
});
afterAll(() => t.close());

const byActor = (spec: Partial<Record<Actor, number>>, fallback: number) => ACTORS.map((a) => [a, spec[a] ?? fallback] as const);

describe('accounts and grants (AZ-02, AZ-04, AZ-06)', () => {
  it.each(byActor({ anonymous: 401, member: 403, enterprise: 403, auditor: 403 }, 200))(
    'GET /api/accounts as %s → %i, scoped',
    async (actor, status) => {
      const res = await w.call(actor, 'GET', '/api/accounts?pageSize=100');
      expect(res.statusCode).toBe(status);
      if (status !== 200) return;
      const names = res
        .json()
        .items.map((a: { username: string }) => a.username)
        .sort();
      const expected: Partial<Record<Actor, string[]>> = {
        secretary: ['m_member', 'm_secretary'],
        districtA: ['m_districtA', 'm_enterprise', 'm_member', 'm_secretary'],
        districtB: ['m_districtB'],
        // Accounts live in orgs; the 三员 accounts have none, so only the 三员 account roles see them.
        city: ['m_city', 'm_districtA', 'm_districtB', 'm_enterprise', 'm_member', 'm_secretary'],
      };
      if (expected[actor]) expect(names).toEqual(expected[actor]);
      else expect(names).toHaveLength(9);
      expect(res.json().total).toBe(names.length);
    },
  );

  // A member account of branchA1: who may disable it? (The system admin only manages accounts with no role yet.)
  it.each(
    byActor(
      {
        anonymous: 401,
        member: 404,
        enterprise: 404,
        secretary: 403,
        districtB: 404,
        secadmin: 403,
        auditor: 404,
        sysadmin: 403,
      },
      200,
    ),
  )('POST /api/accounts/:id/disable (branchA1 account) as %s → %i', async (actor, status) => {
    const target = await addUser(
      t.deps,
      `victim_${actor}`,
      [{ role: 'member', orgId: w.tree.branchA1, reach: 'org' }],
      w.tree.branchA1,
    );
    const res = await w.call(actor, 'POST', `/api/accounts/${target}/disable`);
    expect(res.statusCode).toBe(status);
    const row = await t.deps.db.selectFrom('app_user').select('disabled_at').where('id', '=', target).executeTakeFirstOrThrow();
    expect(row.disabled_at !== null).toBe(status === 200);
  });

  // The same account, disabled: enabling it again is decided like disabling it.
  it.each(
    byActor(
      {
        anonymous: 401,
        member: 404,
        enterprise: 404,
        secretary: 403,
        districtB: 404,
        secadmin: 403,
        auditor: 404,
        sysadmin: 403,
      },
      200,
    ),
  )('POST /api/accounts/:id/enable (disabled branchA1 account) as %s → %i', async (actor, status) => {
    const target = await addUser(
      t.deps,
      `enable_${actor}`,
      [{ role: 'member', orgId: w.tree.branchA1, reach: 'org' }],
      w.tree.branchA1,
    );
    expect((await w.call('districtA', 'POST', `/api/accounts/${target}/disable`)).statusCode).toBe(200);
    const res = await w.call(actor, 'POST', `/api/accounts/${target}/enable`);
    expect(res.statusCode).toBe(status);
    const row = await t.deps.db.selectFrom('app_user').select('disabled_at').where('id', '=', target).executeTakeFirstOrThrow();
    expect(row.disabled_at === null).toBe(status === 200);
  });

  it.each(
    byActor({ anonymous: 401, member: 404, enterprise: 404, secretary: 403, districtB: 404, secadmin: 403, auditor: 404 }, 200),
  )('POST /api/accounts/:id/reset-password (branchA1 account) as %s → %i', async (actor, status) => {
    const target = await addUser(t.deps, `reset_${actor}`, [], w.tree.branchA1);
    expect((await w.call(actor, 'POST', `/api/accounts/${target}/reset-password`)).statusCode).toBe(status);
  });

  it.each(
    // Unlocking is the security admin's function alone: everyone else is refused at the function level.
    byActor({ anonymous: 401, secadmin: 200 }, 403),
  )('POST /api/accounts/:id/unlock as %s → %i', async (actor, status) => {
    const target = await addUser(t.deps, `unlock_${actor}`, [], w.tree.branchA1);
    expect((await w.call(actor, 'POST', `/api/accounts/${target}/unlock`)).statusCode).toBe(status);
  });

  it.each(byActor({ anonymous: 401, member: 404, enterprise: 404, secretary: 403, districtB: 404, auditor: 404 }, 200))(
    'POST /api/accounts/:id/revoke-sessions as %s → %i',
    async (actor, status) => {
      const target = await addUser(t.deps, `revoke_${actor}`, [], w.tree.branchA1);
      expect((await w.call(actor, 'POST', `/api/accounts/${target}/revoke-sessions`)).statusCode).toBe(status);
    },
  );

  it.each(
    byActor({ anonymous: 401, member: 403, enterprise: 404, secretary: 403, districtB: 404, auditor: 404, secadmin: 403 }, 201),
  )('POST /api/accounts (home org branchA1) as %s → %i', async (actor, status) => {
    const res = await w.call(actor, 'POST', '/api/accounts', {
      username: `new_${actor}`,
      displayName: '新账号',
      homeOrgId: w.tree.branchA1,
    });
    expect(res.statusCode).toBe(status);
    if (status === 201) expect(res.json().initialPassword).toMatch(/^Tx-/);
  });

  // Granting secretary at branchA1 to an account of branchA1.
  it.each(
    byActor({ anonymous: 401, member: 404, enterprise: 404, secretary: 403, districtB: 404, auditor: 404, sysadmin: 404 }, 201),
  )('POST /api/grants (secretary at branchA1) as %s → %i', async (actor, status) => {
    const target = await addUser(t.deps, `grantee_${actor}`, [], w.tree.branchA1);
    const res = await w.call(actor, 'POST', '/api/grants', {
      userId: target,
      role: 'secretary',
      orgId: w.tree.branchA1,
      reach: 'subtree',
    });
    expect(res.statusCode).toBe(status);
    const grants = await t.deps.db.selectFrom('role_grant').select('id').where('user_id', '=', target).execute();
    expect(grants).toHaveLength(status === 201 ? 1 : 0);
  });

  it.each(
    byActor({ anonymous: 401, member: 404, enterprise: 404, secretary: 403, districtB: 404, auditor: 404, sysadmin: 404 }, 200),
  )('DELETE /api/grants/:id (member grant at branchA1) as %s → %i', async (actor, status) => {
    const target = await addUser(
      t.deps,
      `revokee_${actor}`,
      [{ role: 'member', orgId: w.tree.branchA1, reach: 'org' }],
      w.tree.branchA1,
    );
    const grant = await t.deps.db.selectFrom('role_grant').select('id').where('user_id', '=', target).executeTakeFirstOrThrow();
    expect((await w.call(actor, 'DELETE', `/api/grants/${grant.id}`)).statusCode).toBe(status);
  });

  it('AZ-06: 三员 roles only from the security admin, system-wide, one per account, never with business roles', async () => {
    const plain = await addUser(t.deps, 'plain_admin_candidate', []);
    const grant = (actor: Actor, body: object) => w.call(actor, 'POST', '/api/grants', body);
    // The city admin cannot even see an account outside the tree, let alone make it an admin.
    expect((await grant('city', { userId: plain, role: 'audit_admin', orgId: null })).statusCode).toBe(404);
    const inTree = await addUser(t.deps, 'in_tree_candidate', [], w.tree.branchA1);
    expect((await grant('city', { userId: inTree, role: 'audit_admin', orgId: null })).statusCode).toBe(403);
    expect((await grant('secadmin', { userId: plain, role: 'audit_admin', orgId: w.tree.city })).statusCode).toBe(400);
    expect((await grant('secadmin', { userId: plain, role: 'audit_admin', orgId: null })).statusCode).toBe(201);
    expect((await grant('secadmin', { userId: plain, role: 'system_admin', orgId: null })).statusCode).toBe(409);
    expect((await grant('secadmin', { userId: plain, role: 'member', orgId: w.tree.city })).statusCode).toBe(409);
    expect((await grant('secadmin', { userId: w.userIds.secadmin, role: 'member', orgId: w.tree.city })).statusCode).toBe(403);
  });

  it('no granting beyond what you hold: a secretary-level subtree grant cannot be given from a reach-org grant', async () => {
    const orgOnly = await addUser(t.deps, 'orgonly_admin', [{ role: 'committee_admin', orgId: w.tree.branchA2, reach: 'org' }]);
    const s = await import('./support.js').then((m) => m.signIn(t.app, 'orgonly_admin'));
    const target = await addUser(t.deps, 'orgonly_target', [], w.tree.branchA2);
    const post = (body: object) => t.app.inject({ method: 'POST', url: '/api/grants', headers: s.headers, payload: body });
    expect((await post({ userId: target, role: 'secretary', orgId: w.tree.branchA2, reach: 'subtree' })).statusCode).toBe(403);
    expect((await post({ userId: target, role: 'secretary', orgId: w.tree.branchA2, reach: 'org' })).statusCode).toBe(201);
    expect((await post({ userId: orgOnly, role: 'member', orgId: w.tree.branchA2, reach: 'org' })).statusCode).toBe(403);
  });
});

// Structure changes inside districtA: its admin and the city admin may; the security admin sees the tree but may not.
const MANAGE_IN_DISTRICT_A = byActor(
  { anonymous: 401, member: 404, enterprise: 404, secretary: 404, districtB: 404, sysadmin: 404, secadmin: 403, auditor: 404 },
  200,
);

describe('org structure routes', () => {
  it.each(MANAGE_IN_DISTRICT_A)(
    'POST /api/orgs/:id/move (a branch of districtA into a park of districtA) as %s → %i',
    async (actor, status) => {
      const branch = await addOrg(t.deps, w.tree.districtA, `待调整${actor}党支部`, 'branch');
      const park = await addOrg(t.deps, w.tree.districtA, `甲区${actor}园区党委`, 'committee', 'park');
      const res = await w.call(actor, 'POST', `/api/orgs/${branch}/move`, { newParentId: park });
      expect(res.statusCode).toBe(status);
      const row = await t.deps.db.selectFrom('org').select('parent_id').where('id', '=', branch).executeTakeFirstOrThrow();
      expect(row.parent_id).toBe(status === 200 ? park : w.tree.districtA);
    },
  );

  it.each(MANAGE_IN_DISTRICT_A)('POST /api/orgs/:id/merge (two branches of districtA) as %s → %i', async (actor, status) => {
    const from = await addOrg(t.deps, w.tree.districtA, `并出${actor}党支部`, 'branch');
    const into = await addOrg(t.deps, w.tree.districtA, `并入${actor}党支部`, 'branch');
    expect((await w.call(actor, 'POST', `/api/orgs/${from}/merge`, { intoOrgId: into, reason: '企业合并' })).statusCode).toBe(
      status,
    );
  });

  it.each(MANAGE_IN_DISTRICT_A)(
    'POST /api/orgs/:id/dissolve (an empty branch of districtA) as %s → %i',
    async (actor, status) => {
      const branch = await addOrg(t.deps, w.tree.districtA, `撤销${actor}党支部`, 'branch');
      expect((await w.call(actor, 'POST', `/api/orgs/${branch}/dissolve`, { reason: '企业注销' })).statusCode).toBe(status);
    },
  );

  it('a move across districts needs manage at both ends: districtA cannot move its branch into districtB', async () => {
    const branch = await addOrg(t.deps, w.tree.districtA, '跨区调整党支部', 'branch');
    expect((await w.call('districtA', 'POST', `/api/orgs/${branch}/move`, { newParentId: w.tree.districtB })).statusCode).toBe(
      404,
    );
    expect((await w.call('city', 'POST', `/api/orgs/${branch}/move`, { newParentId: w.tree.districtB })).statusCode).toBe(200);
  });

  it('GET /api/orgs/term-reminders lists only committees the actor manages', async () => {
    const soon = new Date(t.clock.now().getTime() - (3 * 365 - 30) * 86_400_000).toISOString().slice(0, 10);
    for (const org of [w.tree.branchA1, w.tree.branchB1]) {
      const res = await w.call('city', 'PUT', `/api/orgs/${org}/committee`, {
        termStart: soon,
        termYears: 3,
        members: [{ name: '王五', duty: 'secretary' }],
      });
      expect(res.statusCode).toBe(200);
    }
    const seen = async (actor: Actor) => {
      const res = await w.call(actor, 'GET', '/api/orgs/term-reminders?days=90');
      return res.statusCode === 200
        ? res
            .json()
            .items.map((i: { orgId: string }) => i.orgId)
            .sort()
        : res.statusCode;
    };
    expect(await seen('anonymous')).toBe(401);
    expect(await seen('member')).toEqual([]);
    expect(await seen('secretary')).toEqual([w.tree.branchA1]);
    expect(await seen('districtA')).toEqual([w.tree.branchA1]);
    expect(await seen('city')).toEqual([w.tree.branchA1, w.tree.branchB1].sort());
    expect(await seen('auditor')).toEqual([]);
  });
});

describe('audit routes (AUD-06)', () => {
  it.each(byActor({ anonymous: 401, auditor: 200 }, 403))('GET /api/audit as %s → %i', async (actor, status) => {
    expect((await w.call(actor, 'GET', '/api/audit')).statusCode).toBe(status);
  });
  it.each(byActor({ anonymous: 401, auditor: 200 }, 403))('POST /api/audit/verify as %s → %i', async (actor, status) => {
    expect((await w.call(actor, 'POST', '/api/audit/verify')).statusCode).toBe(status);
  });
});

describe('own-session routes are open to every signed-in user', () => {
  it.each(byActor({ anonymous: 401 }, 200))('GET /api/auth/me and /api/auth/sessions as %s → %i', async (actor, status) => {
    expect((await w.call(actor, 'GET', '/api/auth/me')).statusCode).toBe(status);
    expect((await w.call(actor, 'GET', '/api/auth/sessions')).statusCode).toBe(status);
  });
  it("DELETE /api/auth/sessions/:id cannot end another user's session", async () => {
    const other = await t.deps.db
      .selectFrom('session')
      .select('id')
      .where('user_id', '=', w.userIds.city)
      .executeTakeFirstOrThrow();
    expect((await w.call('member', 'DELETE', `/api/auth/sessions/${other.id.slice(0, 16)}`)).statusCode).toBe(404);
    expect((await w.call('anonymous', 'DELETE', `/api/auth/sessions/${other.id.slice(0, 16)}`)).statusCode).toBe(401);
  });
  it('POST /api/auth/change-password and logout need a session', async () => {
    expect(
      (await w.call('anonymous', 'POST', '/api/auth/change-password', { currentPassword: 'x', newPassword: 'y' })).statusCode,
    ).toBe(401);
    expect((await w.call('anonymous', 'POST', '/api/auth/logout')).statusCode).toBe(401);
  });
});
