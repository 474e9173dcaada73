import type { RuleOverride } from '@tongxin/contracts';
import type { Db, Trx } from '../../platform/db/connect.js';

/** The city's frequency overrides (a handful of rows; read whole). */
export async function loadOverrides(db: Db | Trx): Promise<RuleOverride[]> {
  const rows = await db.selectFrom('meeting_rule').select(['kind', 'from_year', 'frequency']).execute();
  return rows.map((r) => ({ kind: r.kind, fromYear: Number(r.from_year), frequency: r.frequency }));
}
