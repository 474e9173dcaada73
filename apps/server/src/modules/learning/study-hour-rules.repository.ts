import { DEFAULT_STUDY_HOUR_RULES, type StudyHourRules } from '@tongxin/contracts';
import type { Db, Trx } from '../../platform/db/connect.js';

/** The counting rules kept as data (study_hour_rule, in half hours); a missing row keeps DOMAIN.md's default. */
export async function loadStudyHourRules(db: Db | Trx): Promise<StudyHourRules> {
  const rows = await db.selectFrom('study_hour_rule').selectAll().execute();
  const rules: StudyHourRules = structuredClone(DEFAULT_STUDY_HOUR_RULES);
  for (const r of rows) {
    const hours = r.half_hours / 2;
    if (r.key === 'target_member') rules.target.member = hours;
    else if (r.key === 'target_leader') rules.target.leader = hours;
    else if (r.key === 'training_day' || r.key === 'half_day_lecture' || r.key === 'organised_study') {
      rules.byKind[r.key] = r.mode === 'per_hour' ? { kind: 'per_hour', hoursPerHour: hours } : { kind: 'fixed', hours };
    }
  }
  return rules;
}
