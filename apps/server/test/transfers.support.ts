import type { CreateMemberBody } from '@tongxin/contracts';
import { afterAll, beforeAll, expect } from 'vitest';
import { beijingDate } from '../src/platform/clock.js';
import { memberBody } from './members.support.js';
import { addUser, type Session, signIn, standardTree, testApp } from './support.js';

export let t: Awaited<ReturnType<typeof testApp>>;
export let tree: Awaited<ReturnType<typeof standardTree>>;
export let a: Session; // committee admin of 甲区
export let b: Session; // committee admin of 乙区
export let city: Session;
export let secretary: Session; // secretary of 甲一 (branchA1)
export const DAY = 86_400_000;

/** The transfer tests' world: the standard tree, committee admins of both districts and the city, a secretary. */
/** Signs every actor in afresh (after the clock moved past the sessions' lifetime). */
export async function signInAgain(): Promise<void> {
  a = await signIn(t.app, 'district_a');
  b = await signIn(t.app, 'district_b');
  city = await signIn(t.app, 'city_admin');
  secretary = await signIn(t.app, 'secretary_a1');
}

export function useTransferWorld(): void {
  beforeAll(async () => {
    t = await testApp();
    tree = await standardTree(t.deps);
    await addUser(t.deps, 'district_a', [{ role: 'committee_admin', orgId: tree.districtA }]);
    await addUser(t.deps, 'district_b', [{ role: 'committee_admin', orgId: tree.districtB }]);
    await addUser(t.deps, 'city_admin', [{ role: 'committee_admin', orgId: tree.city }]);
    await addUser(t.deps, 'secretary_a1', [{ role: 'secretary', orgId: tree.branchA1 }]);
    await signInAgain();
  });
  afterAll(() => t.close());
}

export const today = () => beijingDate(t.clock.now());
export const post = (s: Session, url: string, payload?: object) =>
  t.app.inject({ method: 'POST', url, headers: s.headers, ...(payload ? { payload } : {}) });
export const get = (s: Session, url: string) => t.app.inject({ method: 'GET', url, headers: s.headers });

let letters = 0;
export const letterNo = () => `泸组转〔2026〕${++letters}号`;

export async function newMember(orgId: string, overrides: Partial<CreateMemberBody> = {}) {
  const res = await post(city, '/api/members', memberBody(orgId, overrides));
  expect(res.statusCode).toBe(201);
  return res.json().id as string;
}

export function within(memberId: string, toOrgId: string, extra: object = {}) {
  return { direction: 'within', memberId, toOrgId, letterNo: letterNo(), issuedOn: today(), reason: 'job_change', ...extra };
}
export function out(memberId: string, extra: object = {}) {
  return {
    direction: 'out',
    memberId,
    externalOrgName: '中共成都市高新区某科技公司支部委员会',
    crossProvince: false,
    letterNo: letterNo(),
    issuedOn: today(),
    reason: 'residence',
    ...extra,
  };
}
export function incoming(toOrgId: string, member: Partial<CreateMemberBody> = {}, extra: object = {}) {
  const { orgId: _orgId, ...fields } = memberBody(toOrgId, member);
  return {
    direction: 'in',
    toOrgId,
    externalOrgName: '中共重庆市渝北区某网络公司支部委员会',
    crossProvince: true,
    letterNo: letterNo(),
    issuedOn: today(),
    reason: 'job_change',
    member: fields,
    ...extra,
  };
}

export async function issue(s: Session, body: object) {
  const res = await post(s, '/api/transfers', body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

export const memberRow = (id: string) =>
  t.deps.db.selectFrom('member').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
export const historyOf = (id: string) =>
  t.deps.db.selectFrom('member_history').selectAll().where('member_id', '=', id).orderBy('at').orderBy('id').execute();
export const eventsOf = (id: string) =>
  t.deps.db.selectFrom('transfer_event').select('action').where('transfer_id', '=', id).orderBy('at').orderBy('id').execute();
export const auditOf = (objectId: string) =>
  t.deps.db.selectFrom('audit_log').select(['type', 'detail']).where('object_id', '=', objectId).orderBy('seq').execute();
