import type { Access } from '../../access/access.js';
import { type EnterpriseNeed, enterpriseVisible, loadEnterprise } from '../../access/enterprise-scope.js';
import type { Trx } from '../../platform/db/connect.js';
import { conflict, invalid, notFound } from '../../platform/http/errors.js';
import {
  type Area,
  type Covering,
  districtAbove,
  type Enterprise,
  findCodeHolder,
  findOrgFacts,
  toEnterprise,
  visibleNames,
} from './enterprise.repository.js';

/** One enterprise for an action, through the registry's visibility rule (404 invisible, 403 not allowed). */
export async function loadEnterpriseFor(
  trx: Trx,
  access: Access,
  id: string,
  today: string,
  need: EnterpriseNeed = 'read',
): Promise<Enterprise> {
  return toEnterprise(await loadEnterprise(trx, access, id, today, need));
}

/**
 * The committees an enterprise sits under, from the one chosen: a district committee, or a park committee
 * (whose district is the nearest district committee above it). The actor needs `enterprise.manage` there.
 */
export async function resolveArea(trx: Trx, access: Access, areaOrgId: string): Promise<Area> {
  const org = await findOrgFacts(trx, areaOrgId);
  if (!org || !(await access.canSee(org.id))) throw notFound('所属区县或园区');
  if (org.kind !== 'committee' || (org.level !== 'district' && org.level !== 'park')) {
    throw invalid('areaOrgId', '所属组织应为区县或园区党委');
  }
  if (org.status !== 'active') throw invalid('areaOrgId', '所属区县或园区党委已撤销');
  await access.authorize('enterprise.manage', org.id, '所属区县或园区');
  if (org.level === 'district') return { areaOrgId: org.id, districtOrgId: org.id, parkOrgId: null };
  return { areaOrgId: org.id, districtOrgId: await districtAbove(trx, org.id), parkOrgId: org.id };
}

/** The covering org and the coverage kind it gives: a joint branch covers jointly, any other branch as its own. */
export async function resolveCovering(trx: Trx, access: Access, coveringOrgId: string | null): Promise<Covering> {
  if (coveringOrgId === null) return { coveringOrgId: null, coverageKind: 'none' };
  const org = await findOrgFacts(trx, coveringOrgId);
  if (!org || !(await access.canSee(org.id))) throw invalid('coveringOrgId', '覆盖党组织不存在或您无权查看');
  if (org.status !== 'active') throw invalid('coveringOrgId', '覆盖党组织已撤销');
  if (org.kind === 'committee' || org.kind === 'group') {
    throw invalid('coveringOrgId', '覆盖党组织应为企业党支部、党总支或联合党支部');
  }
  return { coveringOrgId: org.id, coverageKind: org.kind === 'joint_branch' ? 'joint' : 'own' };
}

/** A credit code names one enterprise; a clash outside the actor's view is reported without naming it. */
export async function assertCodeFree(trx: Trx, access: Access, today: string, code: string, exceptId: string | null) {
  const clash = await findCodeHolder(trx, code, exceptId);
  if (!clash) return;
  const name = (await visibleNames(trx, [clash.id], enterpriseVisible(access, today))).get(clash.id);
  const where = name ? `“${name}”${clash.archived ? '（已归档）' : ''}` : '其他单位的名录中';
  throw invalid('creditCode', `该统一社会信用代码已登记在${where}`);
}

export function assertFoundedOn(foundedOn: string | null, today: string) {
  if (foundedOn !== null && foundedOn > today) throw invalid('foundedOn', '成立日期不能晚于今天');
}

export function assertActive(e: Pick<Enterprise, 'archivedAt'>) {
  if (e.archivedAt) throw conflict('该企业已归档，不能修改');
}

/** Registry fields that differ between two versions, by their Chinese names (for the audit row). */
const LABELS: Partial<Record<keyof Enterprise, string>> = {
  name: '企业名称',
  creditCode: '统一社会信用代码',
  areaOrgId: '所属区县或园区',
  address: '地址',
  mainBusiness: '主营业务',
  employeeCount: '从业人数',
  foundedOn: '成立日期',
  legalRepresentative: '法定代表人',
  contactName: '联系人',
  hasFixedPremises: '有固定经营场所',
  operatingStatus: '经营状态',
  coveringOrgId: '覆盖党组织',
  coverageKind: '覆盖方式',
};
export function diffEnterprise(before: Enterprise, after: Enterprise) {
  const changes: { field: string; from: unknown; to: unknown }[] = [];
  for (const [key, label] of Object.entries(LABELS) as [keyof Enterprise, string][]) {
    if (after[key] !== before[key]) changes.push({ field: label, from: before[key], to: after[key] });
  }
  return changes;
}
