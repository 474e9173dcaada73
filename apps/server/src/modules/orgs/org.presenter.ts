import type { OrgSummary } from '@tongxin/contracts';
import type { OrgSummaryRow } from './org.repository.js';

export function presentSummary(row: OrgSummaryRow): OrgSummary {
  return {
    id: row.id,
    parentId: row.parentId,
    name: row.name,
    kind: row.kind,
    level: row.level,
    status: row.status,
    childCount: row.childCount,
  };
}
