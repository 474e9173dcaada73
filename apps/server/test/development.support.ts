import { addDays } from '@tongxin/contracts';
import { afterAll, beforeAll, expect } from 'vitest';
import { memberBody, validIdNumber } from './members.support.js';
import { addUser, type Session, signIn, standardTree, testApp } from './support.js';

export let t: Awaited<ReturnType<typeof testApp>>;
export let tree: Awaited<ReturnType<typeof standardTree>>;
export let districtA: Session; // committee admin of 甲区 (above branchA1)
export let secretary: Session; // secretary of 甲一 (branchA1)
export let secretaryB: Session; // secretary of 乙一 (branchB1)
export let mentors: string[]; // full members of branchA1

/** The clock stands on a fixed Beijing day; files are dated before it. */
export const NOW = '2028-06-01T02:00:00Z';

export function useDevelopmentWorld(): void {
  beforeAll(async () => {
    t = await testApp();
    t.clock.set(NOW);
    tree = await standardTree(t.deps);
    await addUser(t.deps, 'district_a', [{ role: 'committee_admin', orgId: tree.districtA }]);
    await addUser(t.deps, 'secretary_a1', [{ role: 'secretary', orgId: tree.branchA1 }]);
    await addUser(t.deps, 'secretary_b1', [{ role: 'secretary', orgId: tree.branchB1 }]);
    districtA = await signIn(t.app, 'district_a');
    secretary = await signIn(t.app, 'secretary_a1');
    secretaryB = await signIn(t.app, 'secretary_b1');
    mentors = [];
    for (const name of ['李明', '王芳', '赵强']) {
      const res = await post(districtA, '/api/members', memberBody(tree.branchA1, { name }));
      expect(res.statusCode).toBe(201);
      mentors.push(res.json().id);
    }
  });
  afterAll(() => t.close());
}

export const post = (s: Session, url: string, payload?: object) =>
  t.app.inject({ method: 'POST', url, headers: s.headers, ...(payload ? { payload } : {}) });
export const put = (s: Session, url: string, payload: object) =>
  t.app.inject({ method: 'PUT', url, headers: s.headers, payload });
export const get = (s: Session, url: string) => t.app.inject({ method: 'GET', url, headers: s.headers });

export function applicantBody(orgId: string, overrides: Record<string, unknown> = {}) {
  const birthDate = (overrides.birthDate as string) ?? '1996-04-12';
  return {
    orgId,
    name: '陈晓',
    gender: 'female',
    ethnicity: '汉族',
    birthDate,
    idNumber: validIdNumber(birthDate, 'female'),
    phone: '13900001111',
    education: 'master',
    employerName: '甲一科技有限公司',
    position: '产品经理',
    appliedOn: '2025-01-06',
    documents: ['入党申请书（2025-01-06）'],
    ...overrides,
  };
}

export async function newFile(orgId = tree.branchA1, overrides: Record<string, unknown> = {}, as?: Session): Promise<string> {
  const res = await post(as ?? secretary, '/api/development', applicantBody(orgId, overrides));
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

const UPPER = new Set([4, 8, 13, 16, 17, 18, 24]);

/** The body of step `n` on `doneOn` that passes every rule. */
export function stepBody(id: string, n: number, doneOn: string): Record<string, unknown> {
  const body: Record<string, unknown> = { step: n, doneOn, documents: [`第${n}步材料`] };
  if (n === 5) body.mentorIds = [mentors[0]];
  if (n === 9) body.sponsorIds = [mentors[0], mentors[1]];
  if (n === 10) body.passed = true;
  if (n === 11) body.trainingDays = 3;
  if (n === 15 || n === 23) body.vote = { entitled: 3, present: 3, inFavour: 3, candidateIds: [id] };
  return body;
}

export async function step(id: string, n: number, doneOn: string) {
  return post(UPPER.has(n) ? districtA : secretary, `/api/development/${id}/steps`, stepBody(id, n, doneOn));
}

/**
 * The dates of a file that keeps every rule, from an application on 2025-01-06: activist 2025-01-27, reviews
 * every five months, candidate a year and a day later, notices, the branch meeting (admission) on 2026-03-16,
 * approval a month later, confirmation on 2027-03-16.
 */
export const PLAN: Record<number, string> = {
  1: '2025-01-06',
  2: '2025-01-20',
  3: '2025-01-27',
  4: '2025-02-03',
  5: '2025-02-03',
  6: '2025-06-27',
  7: '2026-01-28',
  8: '2026-02-02',
  9: '2026-02-02',
  10: '2026-02-02',
  11: '2026-02-06',
  12: '2026-02-23',
  13: '2026-03-02',
  14: '2026-03-09',
  15: '2026-03-16',
  16: '2026-03-23',
  17: '2026-04-16',
  18: '2026-04-20',
  19: '2026-04-20',
  20: '2026-05-04',
  21: '2026-10-12',
  22: '2027-02-15',
  23: '2027-03-16',
  24: '2027-04-12',
  25: '2027-04-19',
};
/** Notices start the Monday after the step before them: 2026-02-09 (admission) and 2027-02-22 (confirmation). */
export const NOTICE_ON = { admission: '2026-02-09', confirmation: '2027-02-22' } as const;

/** Records steps from the file's next up to `last`, publishing the notices on the way. */
export async function walk(id: string, from: number, last: number): Promise<void> {
  for (let n = from; n <= last; n++) {
    if (n === 6) {
      const extra = await step(id, 6, PLAN[6]!);
      expect(extra.statusCode, extra.body).toBe(201);
      const res = await step(id, 6, addDays(PLAN[6]!, 150));
      expect(res.statusCode, res.body).toBe(201);
      continue;
    }
    if (n === 12 || n === 23) {
      const purpose = n === 12 ? 'admission' : 'confirmation';
      const res = await post(secretary, `/api/development/${id}/notices`, { purpose, startsOn: NOTICE_ON[purpose] });
      expect(res.statusCode, res.body).toBe(201);
    }
    const res = await step(id, n, PLAN[n]!);
    expect(res.statusCode, `step ${n}: ${res.body}`).toBe(201);
  }
}
