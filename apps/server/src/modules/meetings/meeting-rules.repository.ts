import type { Frequency, MeetingKind, RuleOverride } from '@tongxin/contracts';
import type { Db, Trx } from '../../platform/db/connect.js';

/** The city's frequency overrides (a handful of rows; read whole). */
export async function loadOverrides(db: Db | Trx): Promise<RuleOverride[]> {
  const rows = await db.selectFrom('meeting_rule').select(['kind', 'from_year', 'frequency']).execute();
  return rows.map((r) => ({ kind: r.kind, fromYear: Number(r.from_year), frequency: r.frequency }));
}

export interface MeetingRule {
  kind: MeetingKind;
  fromYear: number;
  frequency: Frequency;
  setAt: string;
  setByName: string | null;
}

/** Every override with who set it, by kind and year. */
export async function listMeetingRules(db: Db | Trx): Promise<MeetingRule[]> {
  const rows = await db.selectFrom('meeting_rule').selectAll().orderBy('kind').orderBy('from_year').execute();
  return rows.map((r) => ({
    kind: r.kind,
    fromYear: Number(r.from_year),
    frequency: r.frequency,
    setAt: r.set_at,
    setByName: r.set_by_name,
  }));
}

/** Sets a kind's frequency from a year on (replacing one set before for the same year). */
export async function saveMeetingRule(
  trx: Trx,
  rule: { kind: MeetingKind; fromYear: number; frequency: Frequency; setAt: string; setBy: string; setByName: string },
): Promise<void> {
  const set = { frequency: rule.frequency, set_at: rule.setAt, set_by: rule.setBy, set_by_name: rule.setByName };
  await trx
    .insertInto('meeting_rule')
    .values({ kind: rule.kind, from_year: rule.fromYear, ...set })
    .onConflict((oc) => oc.columns(['kind', 'from_year']).doUpdateSet(set))
    .execute();
}
