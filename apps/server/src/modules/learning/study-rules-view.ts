import { STUDY_KIND_LABELS, type StudyHourRules } from '@tongxin/contracts';

/** The counting rules in words, shown beside the figures so nobody has to guess how hours were counted. */
export function studyRulesView(rules: StudyHourRules) {
  const kinds = (['training_day', 'half_day_lecture', 'organised_study'] as const).map((k) => {
    const r = rules.byKind[k];
    return {
      label: STUDY_KIND_LABELS[k],
      text: r.kind === 'fixed' ? `每次计 ${r.hours} 学时` : `每小时计 ${r.hoursPerHour} 学时`,
    };
  });
  return [...kinds, { label: '年度目标', text: `${rules.target.member} 学时；支部书记、委员 ${rules.target.leader} 学时` }];
}
