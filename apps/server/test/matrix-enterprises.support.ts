import { expect } from 'vitest';
import { enterpriseBody } from './enterprises.support.js';
import { ACTORS as BASE_ACTORS, matrixWorld, row } from './matrix.support.js';
import { addUser, type Session, signIn, testApp } from './support.js';

/**
 * AZ-02 for the enterprise routes. Columns are three enterprises of the matrix world:
 *   EA1: area 甲区, covered by branchA1 (the secretary's branch)
 *   EA2: area 甲区, covered by branchA2; the enterprise actor is its contact, the instructor is assigned to it
 *   EB1: area 乙区, covered by branchB1
 * The enterprise contact and the instructor hold grants at branchA2 (org reach), which show them no enterprise
 * by themselves: they see only what is linked to their account.
 */
export const ACTORS = [...BASE_ACTORS, 'instructor'] as const;
export type Actor = (typeof ACTORS)[number];
export const TARGETS = ['EA1', 'EA2', 'EB1'] as const;
export type Target = (typeof TARGETS)[number];
export const all = (status: number) => row(`${status} ${status} ${status}`);
/** One status per actor, for routes without a target enterprise. */
export const one = (values: string) =>
  Object.fromEntries(ACTORS.map((a, i) => [a, Number(values.trim().split(/\s+/)[i])])) as Record<Actor, number>;

/** The matrix world plus an instructor (assigned to EA2) and the three target enterprises. */
export async function enterpriseMatrixWorld() {
  const t = await testApp();
  t.clock.set(new Date('2026-11-26T04:00:00Z'));
  const w = await matrixWorld(t);
  const instructorId = await addUser(t.deps, 'm_instructor', [{ role: 'instructor', orgId: w.tree.branchA2, reach: 'org' }]);
  const instructorSession: Session = await signIn(t.app, 'm_instructor');
  const call = (actor: Actor, method: string, url: string, payload?: object) =>
    actor === 'instructor'
      ? t.app.inject({ method: method as 'GET', url, headers: instructorSession.headers, ...(payload ? { payload } : {}) })
      : w.call(actor, method, url, payload);
  const areaOf = (target: Target) => (target === 'EB1' ? w.tree.districtB : w.tree.districtA);
  const coverOf = (target: Target) => ({ EA1: w.tree.branchA1, EA2: w.tree.branchA2, EB1: w.tree.branchB1 })[target];

  /** A fresh enterprise at a target's place (for routes that change it), linked like the target. */
  async function fresh(target: Target, name?: string): Promise<string> {
    const body = enterpriseBody(areaOf(target), { coveringOrgId: coverOf(target), ...(name ? { name } : {}) });
    const res = await w.call('city', 'POST', '/api/enterprises', body);
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id;
    if (target === 'EA2') {
      const contact = await w.call('city', 'POST', `/api/enterprises/${id}/contacts`, { userId: w.userIds.enterprise });
      expect(contact.statusCode).toBe(200);
      const a = await w.call('city', 'POST', `/api/enterprises/${id}/assignments`, { instructorId, startsOn: '2026-01-01' });
      expect(a.statusCode, a.body).toBe(201);
    }
    return id;
  }

  const ids = {} as Record<Target, string>;
  for (const target of TARGETS) ids[target] = await fresh(target, `矩阵目标${target}有限公司`);
  return { t, w, ids, instructorId, instructorSession, call, areaOf, coverOf, fresh };
}
