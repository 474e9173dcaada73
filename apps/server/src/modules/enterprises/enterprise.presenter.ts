import { coverageRulesOn, type EnterpriseSummary, inCoverageScope } from '@tongxin/contracts';
import type { Enterprise, ListedEnterprise } from './enterprise.repository.js';

export function presentEnterprise(e: ListedEnterprise, today: string): EnterpriseSummary {
  return {
    id: e.id,
    name: e.name,
    creditCode: e.creditCode,
    area: { id: e.areaOrgId, name: e.areaName },
    districtName: e.districtName,
    parkName: e.parkName,
    employeeCount: e.employeeCount,
    operatingStatus: e.operatingStatus,
    hasFixedPremises: e.hasFixedPremises,
    inScope: inCoverageScope(scopeFacts(e), coverageRulesOn(today)),
    coverageKind: e.coverageKind,
    coveringOrg: e.coveringOrgId ? { id: e.coveringOrgId, name: e.coveringName ?? '' } : null,
    archived: e.archivedAt !== null,
  };
}

export const scopeFacts = (e: Pick<Enterprise, 'hasFixedPremises' | 'employeeCount' | 'operatingStatus'>) => ({
  hasFixedPremises: e.hasFixedPremises,
  employeeCount: e.employeeCount,
  operatingStatus: e.operatingStatus,
});
