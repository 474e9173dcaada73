import { APPRAISAL_GRADE_LABELS, appraisalRulesFor, closeIssues } from '@tongxin/contracts';
import type { Ctx } from '../../context.js';
import { lockFor } from '../../platform/db/helpers.js';
import { conflict } from '../../platform/http/errors.js';
import { addMemberHistory } from '../members/member.repository.js';
import { actorOf, loadAppraisal, loadEntries } from './appraisal.repository.js';

/** The line a member's timeline shows for an appraisal's result. */
export function resultLine(year: number, orgName: string, entry: { member_status: string; grade: string | null }) {
  const result =
    entry.grade !== null
      ? `评定为「${APPRAISAL_GRADE_LABELS[entry.grade as keyof typeof APPRAISAL_GRADE_LABELS]}」`
      : '参加评议（预备党员不评定等次）';
  return `${year}年度民主评议党员（${orgName}）：${result}`;
}

/**
 * Closes an appraisal once every full member has a grade within the 优秀 cap; each participant's result goes
 * into their timeline (member_history), in the same transaction.
 */
export async function closeAppraisal(ctx: Ctx, id: string): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const access = ctx.access.in(trx);
    const appraisal = await loadAppraisal(trx, access, id);
    await lockFor(trx, `appraisal:${id}`);
    const entries = await loadEntries(trx, id);
    const current = await trx.selectFrom('appraisal').select('status').where('id', '=', id).executeTakeFirstOrThrow();
    if (current.status !== 'open') throw conflict('该民主评议已经结束');
    const issues = closeIssues(
      entries.map((e) => ({ memberStatus: e.member_status, grade: e.grade, committeeOpinion: e.committee_opinion })),
      appraisalRulesFor(appraisal.year),
    );
    if (issues.length > 0) throw conflict(`还不能结束评议：${issues.join('；')}`);
    const actor = actorOf(access);
    const at = ctx.clock.now().toISOString();
    const closed = await trx
      .updateTable('appraisal')
      .set({ status: 'closed', closed_at: at, closed_by: actor.id, closed_by_name: actor.name })
      .where('id', '=', id)
      .where('status', '=', 'open')
      .executeTakeFirst();
    if (Number(closed.numUpdatedRows) !== 1) throw conflict('该民主评议已经结束');
    for (const e of entries) {
      await addMemberHistory(trx, {
        memberId: e.member_id,
        at,
        actor,
        action: 'appraisal',
        reason: resultLine(appraisal.year, appraisal.org_name, e),
      });
    }
    const graded = entries.filter((e) => e.grade !== null);
    await ctx.audit.record(trx, ctx.actor, {
      type: 'appraisal.close',
      orgId: appraisal.org_id,
      objectType: 'appraisal',
      objectId: id,
      detail: {
        year: appraisal.year,
        participants: entries.length,
        graded: graded.length,
        excellent: graded.filter((e) => e.grade === 'excellent').length,
      },
    });
  });
}
