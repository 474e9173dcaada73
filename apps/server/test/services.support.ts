import { v7 as uuidv7 } from 'uuid';
import { pinyinKeys } from '../src/modules/orgs/pinyin.js';
import type { Deps } from '../src/platform/deps.js';

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
