import {
  APPRAISAL_GRADE_LABELS,
  type AppraisalEntry,
  appraisalRulesFor,
  entryIssue,
  excellentIssue,
  type updateEntryBody,
} from '@tongxin/contracts';
import type { z } from 'zod';
import type { Ctx } from '../../context.js';
import { lockFor } from '../../platform/db/helpers.js';
import { conflict, invalid, notFound } from '../../platform/http/errors.js';
import { presentEntry } from './appraisal.presenter.js';
import { actorOf, excellentCount, findEntry, participantCount, saveEntry } from './appraisal.repository.js';
import { loadAppraisal } from './load-appraisal.js';

type Input = z.output<typeof updateEntryBody>;

/**
 * Records one member's self assessment, mutual-assessment tallies, the branch committee's opinion and grade.
 * The 优秀 cap is checked against the whole appraisal under its lock, so two grades saved at once cannot both
 * take the last place.
 */
export async function updateEntry(ctx: Ctx, appraisalId: string, entryId: string, input: Input): Promise<AppraisalEntry> {
  return ctx.db.transaction().execute(async (trx) => {
    const access = ctx.access.in(trx);
    const appraisal = await loadAppraisal(trx, access, appraisalId);
    if (appraisal.status !== 'open') throw conflict('该民主评议已结束，不能再修改');
    await lockFor(trx, `appraisal:${appraisalId}`);
    const entry = await findEntry(trx, appraisalId, entryId);
    if (!entry) throw notFound('评议对象');
    if (entry.version !== input.version) throw conflict('该党员的评议情况已被他人修改，请刷新后重试');
    const rules = appraisalRulesFor(appraisal.year);
    const issue = entryIssue(
      { memberStatus: entry.memberStatus, grade: input.grade, committeeOpinion: input.committeeOpinion },
      rules,
    );
    if (issue) throw invalid(issue.field, issue.message);
    if (input.mutual) {
      const participants = await participantCount(trx, appraisalId);
      const { excellent, qualified, basicallyQualified, unqualified } = input.mutual;
      if (excellent + qualified + basicallyQualified + unqualified > participants) {
        throw invalid('mutual', `互评票数之和不能超过参加评议的${participants}人`);
      }
    }
    if (input.grade === 'excellent' && entry.grade !== 'excellent') {
      const full = await excellentCount(trx, appraisalId);
      const cap = excellentIssue(full.excellent + 1, full.full, rules);
      if (cap) throw invalid('grade', cap);
    }
    const actor = actorOf(access);
    const at = ctx.clock.now().toISOString();
    const updated = await saveEntry(
      trx,
      {
        ...entry,
        selfAssessment: input.selfAssessment,
        mutual: input.mutual ?? null,
        committeeOpinion: input.committeeOpinion,
        grade: input.grade,
        version: entry.version + 1,
        updatedAt: at,
        updatedByName: actor.name,
      },
      entry.version,
    );
    if (!updated) throw conflict('该党员的评议情况已被他人修改，请刷新后重试');
    await ctx.audit.record(trx, ctx.actor, {
      type: 'appraisal.assess',
      orgId: appraisal.orgId,
      objectType: 'appraisal_entry',
      objectId: entryId,
      detail: {
        appraisalId,
        memberId: entry.memberId,
        grade: input.grade ? APPRAISAL_GRADE_LABELS[input.grade] : null,
        before: entry.grade ? APPRAISAL_GRADE_LABELS[entry.grade] : null,
      },
    });
    return presentEntry(updated);
  });
}
