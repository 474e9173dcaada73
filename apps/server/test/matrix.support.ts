import type { Role } from '@tongxin/contracts';
import { addUser, type Session, signIn, standardTree, type testApp } from './support.js';

export const ACTORS = [
  'anonymous',
  'member',
  'enterprise',
  'secretary',
  'districtA',
  'districtB',
  'city',
  'sysadmin',
  'secadmin',
  'auditor',
] as const;
export type Actor = (typeof ACTORS)[number];
export const TARGETS = ['city', 'districtA', 'branchA1', 'groupA1', 'branchA2', 'districtB', 'branchB1'] as const;
export type Target = (typeof TARGETS)[number];

/**
 * The matrix world: the standard tree, one actor per role and position.
 * member → branchA1 (org only), enterprise → branchA2 (org only), secretary → branchA1 subtree,
 * districtA/B → committee admins of the districts, city → committee admin of the city, and the three 三员.
 */
export async function matrixWorld(t: Awaited<ReturnType<typeof testApp>>) {
  const tree = await standardTree(t.deps);
  const grants: Record<Exclude<Actor, 'anonymous'>, { role: Role; orgId: string | null; reach?: 'org' | 'subtree' }> = {
    member: { role: 'member', orgId: tree.branchA1, reach: 'org' },
    enterprise: { role: 'enterprise_contact', orgId: tree.branchA2, reach: 'org' },
    secretary: { role: 'secretary', orgId: tree.branchA1 },
    districtA: { role: 'committee_admin', orgId: tree.districtA },
    districtB: { role: 'committee_admin', orgId: tree.districtB },
    city: { role: 'committee_admin', orgId: tree.city },
    sysadmin: { role: 'system_admin', orgId: null },
    secadmin: { role: 'security_admin', orgId: null },
    auditor: { role: 'audit_admin', orgId: null },
  };
  const userIds = {} as Record<Exclude<Actor, 'anonymous'>, string>;
  for (const [actor, grant] of Object.entries(grants) as [Exclude<Actor, 'anonymous'>, (typeof grants)['member']][]) {
    userIds[actor] = await addUser(t.deps, `m_${actor}`, [grant]);
  }
  const sessions = {} as Record<Actor, Session | null>;
  sessions.anonymous = null;
  for (const actor of Object.keys(grants) as Exclude<Actor, 'anonymous'>[]) sessions[actor] = await signIn(t.app, `m_${actor}`);
  const call = (actor: Actor, method: string, url: string, payload?: object) =>
    t.app.inject({ method: method as 'GET', url, headers: sessions[actor]?.headers ?? {}, ...(payload ? { payload } : {}) });
  return { tree, userIds, sessions, call };
}

/** A row of expected statuses, in TARGETS order. */
export function row(statuses: string): number[] {
  return statuses.trim().split(/\s+/).map(Number);
}
