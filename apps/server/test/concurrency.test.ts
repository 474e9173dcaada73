import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addOrg, addUser, type Session, signIn, standardTree, testApp } from './support.js';

let t: Awaited<ReturnType<typeof testApp>>;
let tree: Awaited<ReturnType<typeof standardTree>>;
let city: Session;
let secadmin: Session;

beforeAll(async () => {
  t = await testApp();
  tree = await standardTree(t.deps);
  await addUser(t.deps, 'city', [{ role: 'committee_admin', orgId: tree.city }]);
  await addUser(t.deps, 'secadmin', [{ role: 'security_admin', orgId: null }]);
  city = await signIn(t.app, 'city');
  secadmin = await signIn(t.app, 'secadmin');
});
afterAll(() => t.close());

// On PostgreSQL these requests really overlap (a pool of connections); on SQLite they queue. Both must hold.
describe('concurrent writes keep the invariants', () => {
  it('AZ-06: parallel grants of two 三员 roles to one account: exactly one succeeds', async () => {
    for (let round = 0; round < 5; round += 1) {
      const target = await addUser(t.deps, `race_${round}`, []);
      const results = await Promise.all(
        (['audit_admin', 'system_admin', 'security_admin', 'audit_admin'] as const).map((role) =>
          t.app.inject({
            method: 'POST',
            url: '/api/grants',
            headers: secadmin.headers,
            payload: { userId: target, role, orgId: null },
          }),
        ),
      );
      expect(results.filter((r) => r.statusCode === 201)).toHaveLength(1);
      const grants = await t.deps.db.selectFrom('role_grant').select('role').where('user_id', '=', target).execute();
      expect(grants).toHaveLength(1);
    }
  });

  it('parallel committee elections leave exactly one current committee', async () => {
    const branch = await addOrg(t.deps, tree.districtA, '并发换届党支部', 'branch');
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        t.app.inject({
          method: 'PUT',
          url: `/api/orgs/${branch}/committee`,
          headers: city.headers,
          payload: { termStart: `2025-0${i + 1}-01`, termYears: 3, members: [{ name: `书记${i}`, duty: 'secretary' }] },
        }),
      ),
    );
    expect(results.every((r) => r.statusCode === 200)).toBe(true);
    const current = await t.deps.db
      .selectFrom('org_committee')
      .select('id')
      .where('org_id', '=', branch)
      .where('superseded_at', 'is', null)
      .execute();
    expect(current).toHaveLength(1);
  });

  it('moving a branch while its park moves keeps the closure equal to the parent chain', async () => {
    for (let round = 0; round < 5; round += 1) {
      const park = await addOrg(t.deps, tree.districtA, `并发园区${round}党委`, 'committee', 'park');
      const branch = await addOrg(t.deps, tree.districtA, `并发调整${round}党支部`, 'branch');
      const [a, b] = await Promise.all([
        t.app.inject({ method: 'POST', url: `/api/orgs/${branch}/move`, headers: city.headers, payload: { newParentId: park } }),
        t.app.inject({
          method: 'POST',
          url: `/api/orgs/${park}/move`,
          headers: city.headers,
          payload: { newParentId: tree.districtB },
        }),
      ]);
      expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
      const ancestors = await t.deps.db
        .selectFrom('org_closure')
        .select('ancestor_id')
        .where('descendant_id', '=', branch)
        .execute();
      expect(ancestors.map((r) => r.ancestor_id).sort()).toEqual([tree.city, tree.districtB, park, branch].sort());
    }
  });
});
