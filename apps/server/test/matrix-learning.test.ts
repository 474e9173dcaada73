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
 * AZ-02 for study hours. A branch's (or committee's) members' hours: member.read at the org, so a branch only
 * its subtree; a member sees only their own (/api/my/study-hours takes no person). Columns as TARGETS:
 *                 city districtA branchA1 groupA1 branchA2 districtB branchB1
 */
const ORG_HOURS: Record<Actor, number[]> = {
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

describe('AZ-02 study hours matrix', () => {
  for (const actor of ACTORS) {
    it(`${actor}: an org's members' hours, and their own`, async () => {
      const got = [];
      for (const target of TARGETS) got.push((await w.call(actor, 'GET', `/api/orgs/${w.tree[target]}/study-hours`)).statusCode);
      expect(got).toEqual(ORG_HOURS[actor]);
      const own = await w.call(actor, 'GET', '/api/my/study-hours');
      expect(own.statusCode).toBe(actor === 'anonymous' ? 401 : 200);
      if (actor !== 'anonymous') expect(own.json().hours).toBe(0);
      // 我的: the caller's own space only (it takes no person or org); none of the matrix accounts has a member record.
      const space = await w.call(actor, 'GET', '/api/my');
      expect(space.statusCode).toBe(actor === 'anonymous' ? 401 : 200);
      if (actor !== 'anonymous') expect(space.json()).toMatchObject({ linked: false, member: null, meetings: [] });
    });
  }
});
