/**
 * Study hours (《中国共产党党员教育管理工作条例》, DOMAIN.md "Study hours"). The counting rules are data: each
 * kind of study says how it counts — a fixed number of hours per occasion, or per hour actually spent. The
 * defaults below are DOMAIN.md's; a deployment can keep other figures without changing the code.
 * The figures are information for the member and their branch, never a ranking or an assessment score.
 */
export const STUDY_KINDS = ['none', 'training_day', 'half_day_lecture', 'organised_study'] as const;
export type StudyKind = (typeof STUDY_KINDS)[number];
export const STUDY_KIND_LABELS: Record<StudyKind, string> = {
  none: '不计学时',
  training_day: '全天培训',
  half_day_lecture: '半天讲座',
  organised_study: '组织学习（按时长）',
};

export type StudyHourRule = { kind: 'fixed'; hours: number } | { kind: 'per_hour'; hoursPerHour: number };

export interface StudyHourRules {
  byKind: Record<Exclude<StudyKind, 'none'>, StudyHourRule>;
  /** Hours a year for every member, and for branch secretaries and committee members. */
  target: { member: number; leader: number };
}

export const DEFAULT_STUDY_HOUR_RULES: StudyHourRules = {
  byKind: {
    training_day: { kind: 'fixed', hours: 8 },
    half_day_lecture: { kind: 'fixed', hours: 4 },
    organised_study: { kind: 'per_hour', hoursPerHour: 1 },
  },
  target: { member: 32, leader: 56 },
};

export interface StudyOccasion {
  studyKind: StudyKind;
  startsAt: string;
  endsAt: string;
}

/** Hours one attended occasion counts for, to the half hour (rounded down); 0 for 'none' or a bad time span. */
export function studyHoursOf(occasion: StudyOccasion, rules: StudyHourRules = DEFAULT_STUDY_HOUR_RULES): number {
  if (occasion.studyKind === 'none') return 0;
  const rule = rules.byKind[occasion.studyKind];
  if (rule.kind === 'fixed') return rule.hours;
  const minutes = (Date.parse(occasion.endsAt) - Date.parse(occasion.startsAt)) / 60_000;
  if (!Number.isFinite(minutes) || minutes <= 0) return 0;
  return Math.floor((minutes / 60) * rule.hoursPerHour * 2) / 2;
}

export function studyTarget(isLeader: boolean, rules: StudyHourRules = DEFAULT_STUDY_HOUR_RULES): number {
  return isLeader ? rules.target.leader : rules.target.member;
}

/** The year's total and how far it is from the target (information only: never compared between people). */
export function studyProgress(occasions: readonly StudyOccasion[], isLeader: boolean, rules = DEFAULT_STUDY_HOUR_RULES) {
  const hours = occasions.reduce((sum, o) => sum + studyHoursOf(o, rules), 0);
  const target = studyTarget(isLeader, rules);
  return { hours, target, remaining: Math.max(0, target - hours), reached: hours >= target };
}
