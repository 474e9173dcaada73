import type { OrgSummary } from '@tongxin/contracts';
import type { ExpressionBuilder } from 'kysely';
import type { DB, OrgTable } from '../../platform/db/types.js';

export const orgSummaryColumns = [
  'org.id',
  'org.parent_id',
  'org.name',
  'org.kind',
  'org.level',
  'org.status',
  (eb: ExpressionBuilder<DB, 'org'>) =>
    eb
      .selectFrom('org as child')
      .select((c) => c.fn.countAll<number>().as('n'))
      .whereRef('child.parent_id', '=', 'org.id')
      .where('child.status', '=', 'active')
      .as('child_count'),
] as const;

type SummaryRow = Pick<OrgTable, 'id' | 'parent_id' | 'name' | 'kind' | 'level' | 'status'> & { child_count: number | null };

export function presentSummary(row: SummaryRow): OrgSummary {
  return {
    id: row.id,
    parentId: row.parent_id,
    name: row.name,
    kind: row.kind,
    level: row.level,
    status: row.status,
    childCount: Number(row.child_count ?? 0),
  };
}
