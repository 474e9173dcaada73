import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, signIn, standardTree, testApp } from './support.js';

let t: Awaited<ReturnType<typeof testApp>>;

beforeAll(async () => {
  t = await testApp();
  const tree = await standardTree(t.deps);
  await addUser(t.deps, 'committee', [{ role: 'committee_admin', orgId: tree.city }]);
  await addUser(t.deps, 'secretary', [{ role: 'secretary', orgId: tree.branchA1 }]);
  await addUser(t.deps, 'instructor', [{ role: 'instructor', orgId: tree.districtA }]);
  await addUser(t.deps, 'auditor', [{ role: 'audit_admin', orgId: null }]);
});
afterAll(() => t.close());

async function abilities(username: string) {
  const s = await signIn(t.app, username);
  const res = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: s.cookie } });
  return res.json().abilities as Record<string, boolean>;
}

// The web shows these buttons and pages from the server's abilities, never from role names of its own.
describe('AZ: the abilities that replaced role checks in the browser', () => {
  it.each([
    ['committee', { adminOnly: false, setDevelopmentPlans: true, revealPii: true, logInstructorWork: false }],
    ['secretary', { adminOnly: false, setDevelopmentPlans: false, revealPii: true, logInstructorWork: false }],
    ['instructor', { adminOnly: false, setDevelopmentPlans: false, revealPii: false, logInstructorWork: true }],
    ['auditor', { adminOnly: true, setDevelopmentPlans: false, revealPii: false, logInstructorWork: false }],
  ])('%s', async (username, expected) => {
    expect(await abilities(username)).toMatchObject(expected);
  });
});
