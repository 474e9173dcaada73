import { coverageRulesOn, type EnterpriseSummary, inCoverageScope } from '@tongxin/contracts';
import type { SelectQueryBuilder } from 'kysely';
import type { DB, EnterpriseTable } from '../../platform/db/types.js';

/** The enterprise with the names of its committees and covering org. */
export function selectEnterprises<O>(qb: SelectQueryBuilder<DB, 'enterprise', O>) {
  return qb
    .innerJoin('org as area', 'area.id', 'enterprise.area_org_id')
    .leftJoin('org as district', 'district.id', 'enterprise.district_org_id')
    .leftJoin('org as park', 'park.id', 'enterprise.park_org_id')
    .leftJoin('org as covering', 'covering.id', 'enterprise.covering_org_id')
    .selectAll('enterprise')
    .select([
      'area.name as area_name',
      'district.name as district_name',
      'park.name as park_name',
      'covering.name as covering_name',
    ]);
}

export type EnterpriseRow = EnterpriseTable & {
  area_name: string;
  district_name: string | null;
  park_name: string | null;
  covering_name: string | null;
};

export function presentEnterprise(r: EnterpriseRow, today: string): EnterpriseSummary {
  return {
    id: r.id,
    name: r.name,
    creditCode: r.credit_code,
    area: { id: r.area_org_id, name: r.area_name },
    districtName: r.district_name,
    parkName: r.park_name,
    employeeCount: r.employee_count,
    operatingStatus: r.operating_status,
    hasFixedPremises: r.has_fixed_premises === 1,
    inScope: inCoverageScope(scopeFacts(r), coverageRulesOn(today)),
    coverageKind: r.coverage_kind,
    coveringOrg: r.covering_org_id ? { id: r.covering_org_id, name: r.covering_name ?? '' } : null,
    archived: r.archived_at !== null,
  };
}

export const scopeFacts = (r: Pick<EnterpriseTable, 'has_fixed_premises' | 'employee_count' | 'operating_status'>) => ({
  hasFixedPremises: r.has_fixed_premises === 1,
  employeeCount: r.employee_count,
  operatingStatus: r.operating_status,
});
