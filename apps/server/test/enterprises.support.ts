import { type CreateEnterpriseBody, creditCodeCheckChar } from '@tongxin/contracts';
import { expect } from 'vitest';
import { addOrg, addUser, type Session, signIn, standardTree, type testApp } from './support.js';

let sequence = 0;

/** A fresh valid credit code (GB 32100): 91 (enterprise, company), Luzhou's division code, a serial, the check. */
export function validCreditCode(): string {
  sequence += 1;
  const first17 = `91510500MA${String(6_000_000 + sequence).slice(-7)}`;
  return first17 + creditCodeCheckChar(first17)!;
}

export function enterpriseBody(areaOrgId: string, overrides: Partial<CreateEnterpriseBody> = {}): CreateEnterpriseBody {
  return {
    name: `测试网络科技有限公司${sequence + 1}`,
    creditCode: validCreditCode(),
    areaOrgId,
    address: '泸州市江阳区酒城大道1号',
    mainBusiness: '软件开发',
    employeeCount: 50,
    foundedOn: '2018-03-01',
    legalRepresentative: '王大明',
    contactName: '李小红',
    hasFixedPremises: true,
    operatingStatus: 'operating',
    coveringOrgId: null,
    ...overrides,
  };
}

type App = Awaited<ReturnType<typeof testApp>>;

/**
 * The enterprise world: the standard tree plus a park under 甲区 with a joint branch, and one account per role:
 * city / districtA / districtB committee admins, the secretary of branchA1, an instructor and an enterprise
 * contact (their grants at branchA2, org reach: the grant shows them no enterprise by itself).
 */
export async function enterpriseWorld(t: App) {
  const tree = await standardTree(t.deps);
  const parkA = await addOrg(t.deps, tree.districtA, '甲区软件园党委', 'committee', 'park');
  const jointA = await addOrg(t.deps, parkA, '甲区软件园联合党支部', 'joint_branch');
  const orgs = { ...tree, parkA, jointA };
  const users = {
    city: await addUser(t.deps, 'e_city', [{ role: 'committee_admin', orgId: tree.city }]),
    districtA: await addUser(t.deps, 'e_district_a', [{ role: 'committee_admin', orgId: tree.districtA }]),
    districtB: await addUser(t.deps, 'e_district_b', [{ role: 'committee_admin', orgId: tree.districtB }]),
    secretary: await addUser(t.deps, 'e_secretary', [{ role: 'secretary', orgId: tree.branchA1 }]),
    instructor: await addUser(t.deps, 'e_instructor', [{ role: 'instructor', orgId: tree.branchA2, reach: 'org' }]),
    contact: await addUser(t.deps, 'e_contact', [{ role: 'enterprise_contact', orgId: tree.branchA2, reach: 'org' }]),
    member: await addUser(t.deps, 'e_member', [{ role: 'member', orgId: tree.branchA1, reach: 'org' }]),
    auditor: await addUser(t.deps, 'e_auditor', [{ role: 'audit_admin', orgId: null }]),
  };
  const sessions = {} as Record<keyof typeof users, Session>;
  for (const [key, username] of Object.entries({
    city: 'e_city',
    districtA: 'e_district_a',
    districtB: 'e_district_b',
    secretary: 'e_secretary',
    instructor: 'e_instructor',
    contact: 'e_contact',
    member: 'e_member',
    auditor: 'e_auditor',
  }) as [keyof typeof users, string][]) {
    sessions[key] = await signIn(t.app, username);
  }
  const call = (who: keyof typeof users, method: string, url: string, payload?: object) =>
    t.app.inject({ method: method as 'GET', url, headers: sessions[who].headers, ...(payload ? { payload } : {}) });
  const create = async (body: CreateEnterpriseBody, who: keyof typeof users = 'city') => {
    const res = await call(who, 'POST', '/api/enterprises', body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };
  return { orgs, users, sessions, call, create };
}
