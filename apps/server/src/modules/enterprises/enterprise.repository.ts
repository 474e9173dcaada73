import type { CoverageKind, EnterpriseInput } from '@tongxin/contracts';
import type { Access } from '../../access/access.js';
import type { Db, Trx } from '../../platform/db/connect.js';
import type { EnterpriseTable } from '../../platform/db/types.js';
import { conflict, invalid, notFound } from '../../platform/http/errors.js';
import { pinyinKeys } from '../orgs/pinyin.js';

export interface Area {
  areaOrgId: string;
  districtOrgId: string | null;
  parkOrgId: string | null;
}

/**
 * The committees an enterprise sits under, from the one chosen: a district committee, or a park committee
 * (whose district is the nearest district committee above it). The actor needs `enterprise.manage` there.
 */
export async function resolveArea(trx: Trx, access: Access, areaOrgId: string): Promise<Area> {
  const org = await trx
    .selectFrom('org')
    .select(['id', 'kind', 'level', 'status'])
    .where('id', '=', areaOrgId)
    .executeTakeFirst();
  if (!org || !(await access.canSee(org.id))) throw notFound('所属区县或园区');
  if (org.kind !== 'committee' || (org.level !== 'district' && org.level !== 'park')) {
    throw invalid('areaOrgId', '所属组织应为区县或园区党委');
  }
  if (org.status !== 'active') throw invalid('areaOrgId', '所属区县或园区党委已撤销');
  await access.authorize('enterprise.manage', org.id, '所属区县或园区');
  if (org.level === 'district') return { areaOrgId: org.id, districtOrgId: org.id, parkOrgId: null };
  const district = await trx
    .selectFrom('org_closure')
    .innerJoin('org', 'org.id', 'org_closure.ancestor_id')
    .select('org.id')
    .where('org_closure.descendant_id', '=', org.id)
    .where('org.level', '=', 'district')
    .orderBy('org_closure.depth')
    .executeTakeFirst();
  return { areaOrgId: org.id, districtOrgId: district?.id ?? null, parkOrgId: org.id };
}

/** The covering org and the coverage kind it gives: a joint branch covers jointly, any other branch as its own. */
export async function resolveCovering(
  trx: Trx,
  access: Access,
  coveringOrgId: string | null,
): Promise<{ coveringOrgId: string | null; coverageKind: CoverageKind }> {
  if (coveringOrgId === null) return { coveringOrgId: null, coverageKind: 'none' };
  const org = await trx.selectFrom('org').select(['id', 'kind', 'status']).where('id', '=', coveringOrgId).executeTakeFirst();
  if (!org || !(await access.canSee(org.id))) throw invalid('coveringOrgId', '覆盖党组织不存在或您无权查看');
  if (org.status !== 'active') throw invalid('coveringOrgId', '覆盖党组织已撤销');
  if (org.kind === 'committee' || org.kind === 'group') {
    throw invalid('coveringOrgId', '覆盖党组织应为企业党支部、党总支或联合党支部');
  }
  return { coveringOrgId: org.id, coverageKind: org.kind === 'joint_branch' ? 'joint' : 'own' };
}

/** A credit code names one enterprise; a clash outside the actor's view is reported without naming it. */
export async function assertCodeFree(
  trx: Trx,
  code: string,
  exceptId: string | null,
  visibleName: (id: string) => Promise<string | null>,
) {
  const clash = await trx
    .selectFrom('enterprise')
    .select(['id', 'archived_at'])
    .where('credit_code', '=', code)
    .$if(exceptId !== null, (q) => q.where('id', '<>', exceptId!))
    .executeTakeFirst();
  if (!clash) return;
  const name = await visibleName(clash.id);
  const where = name ? `“${name}”${clash.archived_at ? '（已归档）' : ''}` : '其他单位的名录中';
  throw invalid('creditCode', `该统一社会信用代码已登记在${where}`);
}

/** The stored columns of the registry fields. */
export function enterpriseColumns(input: EnterpriseInput, area: Area, covering: Awaited<ReturnType<typeof resolveCovering>>) {
  const keys = pinyinKeys(input.name);
  return {
    name: input.name,
    name_pinyin: keys.full,
    name_initials: keys.initials,
    credit_code: input.creditCode,
    district_org_id: area.districtOrgId,
    park_org_id: area.parkOrgId,
    area_org_id: area.areaOrgId,
    address: input.address,
    main_business: input.mainBusiness,
    employee_count: input.employeeCount,
    founded_on: input.foundedOn,
    legal_representative: input.legalRepresentative,
    contact_name: input.contactName,
    has_fixed_premises: input.hasFixedPremises ? 1 : 0,
    operating_status: input.operatingStatus,
    covering_org_id: covering.coveringOrgId,
    coverage_kind: covering.coverageKind,
  };
}

export function assertFoundedOn(foundedOn: string | null, today: string) {
  if (foundedOn !== null && foundedOn > today) throw invalid('foundedOn', '成立日期不能晚于今天');
}

export async function findEnterprise(db: Db | Trx, id: string): Promise<EnterpriseTable | undefined> {
  return db.selectFrom('enterprise').selectAll().where('id', '=', id).executeTakeFirst();
}

export function assertActive(e: EnterpriseTable) {
  if (e.archived_at) throw conflict('该企业已归档，不能修改');
}

/** Registry fields that differ between two versions, by their Chinese names (for the audit row). */
const LABELS: Partial<Record<keyof EnterpriseTable, string>> = {
  name: '企业名称',
  credit_code: '统一社会信用代码',
  area_org_id: '所属区县或园区',
  address: '地址',
  main_business: '主营业务',
  employee_count: '从业人数',
  founded_on: '成立日期',
  legal_representative: '法定代表人',
  contact_name: '联系人',
  has_fixed_premises: '有固定经营场所',
  operating_status: '经营状态',
  covering_org_id: '覆盖党组织',
  coverage_kind: '覆盖方式',
};
export function diffEnterprise(before: EnterpriseTable, after: Partial<EnterpriseTable>) {
  const changes: { field: string; from: unknown; to: unknown }[] = [];
  for (const [key, label] of Object.entries(LABELS) as [keyof EnterpriseTable, string][]) {
    if (key in after && after[key] !== before[key]) changes.push({ field: label, from: before[key], to: after[key] });
  }
  return changes;
}
