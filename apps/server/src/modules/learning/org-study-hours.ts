import { type OrgStudyHours, type orgStudyHoursQuery, studyProgress } from '@tongxin/contracts';
import type { z } from 'zod';
import type { Ctx } from '../../context.js';
import { beijingDate } from '../../platform/clock.js';
import { loadStudyHourRules } from './study-hour-rules.repository.js';
import { attendedOccasions, leadersAmong, membersWithAccounts } from './study-hours.repository.js';
import { studyRulesView } from './study-rules-view.js';

type Query = z.output<typeof orgStudyHoursQuery>;

/**
 * A branch (or committee) sees its members' hours as information: in name order, never sorted, ranked or
 * scored by hours (DOMAIN.md, limits on fingertip formalism). Hours come from the member's linked account.
 */
export async function orgStudyHours(ctx: Ctx, orgId: string, q: Query): Promise<OrgStudyHours> {
  return ctx.db.transaction().execute(async (trx) => {
    const access = ctx.access.in(trx);
    await access.authorize('member.read', orgId, '党组织');
    const y = q.year ?? Number(beijingDate(ctx.clock.now()).slice(0, 4));
    const rules = await loadStudyHourRules(trx);
    const { total, rows } = await membersWithAccounts(trx, orgId, q.page, q.pageSize);
    const userIds = rows.flatMap((r) => (r.user_id ? [r.user_id] : []));
    const occasions = await attendedOccasions(trx, userIds, y);
    const leaders = await leadersAmong(trx, userIds);
    return {
      year: y,
      total,
      items: rows.map((r) => {
        const p = studyProgress(
          occasions.filter((o) => o.userId === r.user_id),
          r.user_id !== null && leaders.has(r.user_id),
          rules,
        );
        return {
          memberId: r.id,
          name: r.name,
          orgName: r.org_name,
          hours: p.hours,
          target: p.target,
          linked: r.user_id !== null,
        };
      }),
      rules: studyRulesView(rules),
    };
  });
}
