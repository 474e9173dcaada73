import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepared } from '../src/platform/db/prepared.js';
import { addOrg, type TestEnv, testDeps } from './support.js';

let env: TestEnv;
let city: string;
let district: string;
let branch: string;
beforeAll(async () => {
  env = await testDeps();
  city = await addOrg(env.deps, null, '测试市互联网行业党委', 'committee', 'city');
  district = await addOrg(env.deps, city, '甲区互联网行业党委', 'committee', 'district');
  branch = await addOrg(env.deps, district, '甲一科技有限公司党支部', 'branch');
});
afterAll(() => env.close());

// Constants (depth >= 0, the kind) stay in the compiled parameters; the two stand-ins change per call.
const ancestorsOfKind = prepared((db, v: { orgId: string; kind: 'committee' | 'branch' }) =>
  db
    .selectFrom('org_closure')
    .innerJoin('org', 'org.id', 'org_closure.ancestor_id')
    .select(['org.name', 'org_closure.depth'])
    .where('org_closure.descendant_id', '=', v.orgId)
    .where('org_closure.depth', '>=', 0)
    .where('org.kind', '=', v.kind)
    .orderBy('org_closure.depth'),
);

describe('prepared queries', () => {
  it('binds new values on every call to the same compiled SQL', async () => {
    const { db } = env.deps;
    await expect(ancestorsOfKind(db, { orgId: branch, kind: 'committee' })).resolves.toEqual([
      { name: '甲区互联网行业党委', depth: 1 },
      { name: '测试市互联网行业党委', depth: 2 },
    ]);
    await expect(ancestorsOfKind(db, { orgId: district, kind: 'committee' })).resolves.toEqual([
      { name: '甲区互联网行业党委', depth: 0 },
      { name: '测试市互联网行业党委', depth: 1 },
    ]);
    await expect(ancestorsOfKind(db, { orgId: branch, kind: 'branch' })).resolves.toEqual([
      { name: '甲一科技有限公司党支部', depth: 0 },
    ]);
    await expect(ancestorsOfKind(db, { orgId: 'no-such-org', kind: 'branch' })).resolves.toEqual([]);
  });

  it('runs inside a transaction and sees its uncommitted rows', async () => {
    const { db } = env.deps;
    const seen = await db.transaction().execute(async (trx) => {
      await trx.updateTable('org').set({ name: '甲区（改名中）' }).where('id', '=', district).execute();
      const rows = await ancestorsOfKind(trx, { orgId: branch, kind: 'committee' });
      await trx.updateTable('org').set({ name: '甲区互联网行业党委' }).where('id', '=', district).execute();
      return rows;
    });
    expect(seen.map((r) => r.name)).toEqual(['甲区（改名中）', '测试市互联网行业党委']);
  });

  it('refuses a call that leaves out a value rather than binding undefined', async () => {
    const partial = { orgId: branch } as unknown as { orgId: string; kind: 'branch' };
    await expect(ancestorsOfKind(env.deps.db, partial)).rejects.toThrow(/no value for kind/);
  });
});
