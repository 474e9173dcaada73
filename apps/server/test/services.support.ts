import type { Role } from '@tongxin/contracts';
import { v7 as uuidv7 } from 'uuid';
import { pinyinKeys } from '../src/modules/orgs/pinyin.js';
import type { Deps } from '../src/platform/deps.js';
import * as files from './fixtures/files.js';
import { addUser, type Session, signIn, standardTree, type testApp } from './support.js';

let codes = 0;

/** An enterprise straight into the registry: its area committee and the org covering it (if any). */
export async function addEnterprise(
  deps: Deps,
  name: string,
  areaOrgId: string,
  coveringOrgId: string | null,
  extra: { operating_status?: 'operating' | 'suspended' | 'deregistered'; archived_at?: string | null } = {},
): Promise<string> {
  const id = uuidv7();
  const now = new Date().toISOString();
  const keys = pinyinKeys(name);
  await deps.db
    .insertInto('enterprise')
    .values({
      id,
      name,
      name_pinyin: keys.full,
      name_initials: keys.initials,
      credit_code: `91510500TEST${String(++codes).padStart(6, '0')}`,
      district_org_id: areaOrgId,
      park_org_id: null,
      area_org_id: areaOrgId,
      address: null,
      main_business: '软件开发',
      employee_count: 30,
      founded_on: '2018-05-01',
      legal_representative: null,
      contact_name: null,
      has_fixed_premises: 1,
      operating_status: extra.operating_status ?? 'operating',
      covering_org_id: coveringOrgId,
      coverage_kind: coveringOrgId ? 'own' : 'none',
      created_at: now,
      created_by: null,
      updated_at: now,
      archived_at: extra.archived_at ?? null,
      archive_reason: null,
      version: 1,
    })
    .execute();
  return id;
}

/** Makes the account a contact (企业联络员) of the enterprise. */
export async function linkContact(deps: Deps, enterpriseId: string, userId: string): Promise<void> {
  await deps.db
    .insertInto('enterprise_contact')
    .values({ enterprise_id: enterpriseId, user_id: userId, created_at: new Date().toISOString(), created_by: null })
    .execute();
}

export const requestBody = (enterpriseId: string, over: Record<string, unknown> = {}) => ({
  enterpriseId,
  category: 'financing',
  title: '申请科技型中小企业贷款贴息',
  description: '公司今年研发投入较大，希望了解区里科技型中小企业贷款贴息政策，并协助对接合作银行。',
  ...over,
});

export const DAY = 86_400_000;
const ACCOUNTS = ['contactA1', 'contactB1', 'secretaryA1', 'handlerA', 'handlerA2', 'handlerB', 'city'] as const;
export type ServiceActor = (typeof ACCOUNTS)[number];

/**
 * The service tests' world on the standard tree: 甲一 (covered by branchA1) and 甲三 (uncovered) in 甲区, 乙一
 * (branchB1) in 乙区; a contact of 甲一 and of 乙一, 甲一's secretary, two handlers of 甲区, one of 乙区, the city's.
 */
export async function serviceWorld(t: Awaited<ReturnType<typeof testApp>>) {
  const tree = await standardTree(t.deps);
  const ent = {
    a1: await addEnterprise(t.deps, '甲一科技有限公司', tree.districtA, tree.branchA1),
    a3: await addEnterprise(t.deps, '甲三数据有限公司', tree.districtA, null),
    b1: await addEnterprise(t.deps, '乙一传媒有限公司', tree.districtB, tree.branchB1),
  };
  const grants: Record<ServiceActor, { role: Role; orgId: string; reach?: 'org' | 'subtree' }> = {
    contactA1: { role: 'enterprise_contact', orgId: tree.branchA1, reach: 'org' },
    contactB1: { role: 'enterprise_contact', orgId: tree.branchB1, reach: 'org' },
    secretaryA1: { role: 'secretary', orgId: tree.branchA1 },
    handlerA: { role: 'committee_admin', orgId: tree.districtA },
    handlerA2: { role: 'committee_admin', orgId: tree.districtA },
    handlerB: { role: 'committee_admin', orgId: tree.districtB },
    city: { role: 'committee_admin', orgId: tree.city },
  };
  const ids = {} as Record<ServiceActor, string>;
  for (const a of ACCOUNTS) ids[a] = await addUser(t.deps, `sv_${a}`, [grants[a]]);
  await linkContact(t.deps, ent.a1, ids.contactA1);
  await linkContact(t.deps, ent.a3, ids.contactA1);
  await linkContact(t.deps, ent.b1, ids.contactB1);
  const sessions = {} as Record<ServiceActor, Session>;
  const signInAll = async () => {
    for (const a of ACCOUNTS) sessions[a] = await signIn(t.app, `sv_${a}`);
  };
  await signInAll();
  const call = (actor: ServiceActor, method: 'GET' | 'POST', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: sessions[actor].headers, ...(payload ? { payload } : {}) });
  const raise = async (actor: ServiceActor, enterpriseId: string, over: Record<string, unknown> = {}) => {
    const res = await call(actor, 'POST', '/api/service-requests', requestBody(enterpriseId, over));
    if (res.statusCode !== 201) throw new Error(`raise failed: ${res.statusCode} ${res.body}`);
    return res.json().id as string;
  };
  const upload = async (actor: ServiceActor, orgId: string, name = '营业执照.png', bytes = files.png()) => {
    const body = files.multipart(name, bytes);
    return t.app.inject({
      method: 'POST',
      url: `/api/attachments?use=service_request&orgId=${orgId}`,
      headers: { ...sessions[actor].headers, ...body.headers },
      payload: body.payload,
    });
  };
  return { tree, ent, ids, sessions, call, raise, upload, signInAll };
}
