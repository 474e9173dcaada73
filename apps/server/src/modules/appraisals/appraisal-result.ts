import { APPRAISAL_GRADE_LABELS, type AppraisalGrade } from '@tongxin/contracts';

/** The line a member's timeline shows for an appraisal's result. */
export function resultLine(year: number, orgName: string, entry: { grade: AppraisalGrade | null }) {
  const result = entry.grade !== null ? `评定为「${APPRAISAL_GRADE_LABELS[entry.grade]}」` : '参加评议（预备党员不评定等次）';
  return `${year}年度民主评议党员（${orgName}）：${result}`;
}
