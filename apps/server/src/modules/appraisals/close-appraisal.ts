import { appraisalRulesFor, closeIssues } from '@tongxin/contracts';
import type { Ctx } from '../../context.js';
import { lockFor } from '../../platform/db/helpers.js';
import { conflict } from '../../platform/http/errors.js';
import { addMemberHistory } from '../members/member.repository.js';
import { actorOf, appraisalStatus, loadEntries, markClosed } from './appraisal.repository.js';
import { resultLine } from './appraisal-result.js';
import { loadAppraisal } from './load-appraisal.js';

/**
 * Closes an appraisal once every full member has a grade within the 优秀 cap; each participant's result goes
 * into their timeline (member_history), in the same transaction.
 */
export async function closeAppraisal(ctx: Ctx, id: string): Promise<{ ok: true }> {
  await ctx.db.transaction().execute(async (trx) => {
    const access = ctx.access.in(trx);
    const appraisal = await loadAppraisal(trx, access, id);
    await lockFor(trx, `appraisal:${id}`);
    const entries = await loadEntries(trx, id);
    if ((await appraisalStatus(trx, id)) !== 'open') throw conflict('该民主评议已经结束');
    const issues = closeIssues(entries, appraisalRulesFor(appraisal.year));
    if (issues.length > 0) throw conflict(`还不能结束评议：${issues.join('；')}`);
    const actor = actorOf(access);
    const at = ctx.clock.now().toISOString();
    if (!(await markClosed(trx, id, actor, at))) throw conflict('该民主评议已经结束');
    for (const e of entries) {
      await addMemberHistory(trx, {
        memberId: e.memberId,
        at,
        actor,
        action: 'appraisal',
        reason: resultLine(appraisal.year, appraisal.orgName, e),
      });
    }
    const graded = entries.filter((e) => e.grade !== null);
    await ctx.audit.record(trx, ctx.actor, {
      type: 'appraisal.close',
      orgId: appraisal.orgId,
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
  return { ok: true };
}
