import { type MyStudyHours, studyHoursOf, studyProgress } from '@tongxin/contracts';
import type { Ctx } from '../../context.js';
import { beijingDate } from '../../platform/clock.js';
import { loadStudyHourRules } from './study-hour-rules.repository.js';
import { attendedOccasions, leadersAmong } from './study-hours.repository.js';
import { studyRulesView } from './study-rules-view.js';

/** The caller's own study hours for a year: what they attended, how it counted, and the year's target. */
export async function myStudyHours(ctx: Ctx, year?: number): Promise<MyStudyHours> {
  const y = year ?? Number(beijingDate(ctx.clock.now()).slice(0, 4));
  const userId = ctx.access.user!.id;
  const rules = await loadStudyHourRules(ctx.db);
  const occasions = await attendedOccasions(ctx.db, [userId], y);
  const leader = (await leadersAmong(ctx.db, [userId])).has(userId);
  const progress = studyProgress(occasions, leader, rules);
  return {
    year: y,
    hours: progress.hours,
    target: progress.target,
    remaining: progress.remaining,
    leader,
    items: occasions.map((o) => ({
      eventId: o.eventId,
      title: o.title,
      orgName: o.orgName,
      startsAt: o.startsAt,
      studyKind: o.studyKind,
      hours: studyHoursOf(o, rules),
    })),
    rules: studyRulesView(rules),
  };
}
