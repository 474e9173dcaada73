import { z } from 'zod';
import { STUDY_KINDS } from './study-hour-rules.js';

const year = z.coerce.number().int('年度不正确').min(2000, '年度不正确').max(2100, '年度不正确');

export const studyHoursQuery = z.object({ year: year.optional() }).strict();

export const studyHourItem = z.object({
  eventId: z.string(),
  title: z.string(),
  orgName: z.string(),
  startsAt: z.string(),
  studyKind: z.enum(STUDY_KINDS),
  hours: z.number(),
});
export type StudyHourItem = z.infer<typeof studyHourItem>;

/** The rules as shown beside the figures ("全天培训 8 学时" …). */
export const studyRuleView = z.object({ label: z.string(), text: z.string() });

export const myStudyHours = z.object({
  year: z.number().int(),
  /** False when the account is not linked to a member record: hours still count from its own check-ins. */
  hours: z.number(),
  target: z.number(),
  remaining: z.number(),
  leader: z.boolean(),
  items: z.array(studyHourItem),
  rules: z.array(studyRuleView),
});
export type MyStudyHours = z.infer<typeof myStudyHours>;

export const orgStudyHoursQuery = z
  .object({
    year: year.optional(),
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(100, '每页最多100条').default(50),
  })
  .strict();

/**
 * A branch's members with their hours, in name order (pinyin) and never sorted, ranked or scored by hours:
 * information for the branch, not an assessment (DOMAIN.md, limits on fingertip formalism).
 */
export const orgStudyHours = z.object({
  year: z.number().int(),
  total: z.number().int(),
  items: z.array(
    z.object({
      memberId: z.string(),
      name: z.string(),
      orgName: z.string(),
      hours: z.number(),
      target: z.number(),
      linked: z.boolean(),
    }),
  ),
  rules: z.array(studyRuleView),
});
export type OrgStudyHours = z.infer<typeof orgStudyHours>;
