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
import { actorOf, loadAppraisal, presentEntry } from './appraisal.repository.js';

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
    const entry = await trx
      .selectFrom('appraisal_entry')
      .selectAll()
      .where('id', '=', entryId)
      .where('appraisal_id', '=', appraisalId)
      .executeTakeFirst();
    if (!entry) throw notFound('评议对象');
    if (entry.version !== input.version) throw conflict('该党员的评议情况已被他人修改，请刷新后重试');
    const rules = appraisalRulesFor(appraisal.year);
    const issue = entryIssue(
      { memberStatus: entry.member_status, grade: input.grade, committeeOpinion: input.committeeOpinion },
      rules,
    );
    if (issue) throw invalid(issue.field, issue.message);
    if (input.mutual) {
      const participants = await trx
        .selectFrom('appraisal_entry')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .where('appraisal_id', '=', appraisalId)
        .executeTakeFirstOrThrow();
      const { excellent, qualified, basicallyQualified, unqualified } = input.mutual;
      if (excellent + qualified + basicallyQualified + unqualified > Number(participants.n)) {
        throw invalid('mutual', `互评票数之和不能超过参加评议的${participants.n}人`);
      }
    }
    if (input.grade === 'excellent' && entry.grade !== 'excellent') {
      const full = await trx
        .selectFrom('appraisal_entry')
        .select((eb) => [
          eb.fn.countAll<number | string>().as('full'),
          eb.fn.sum<number | string>(eb.case().when('grade', '=', 'excellent').then(1).else(0).end()).as('excellent'),
        ])
        .where('appraisal_id', '=', appraisalId)
        .where('member_status', '=', 'full')
        .executeTakeFirstOrThrow();
      const cap = excellentIssue(Number(full.excellent ?? 0) + 1, Number(full.full), rules);
      if (cap) throw invalid('grade', cap);
    }
    const actor = actorOf(access);
    const at = ctx.clock.now().toISOString();
    const updated = await trx
      .updateTable('appraisal_entry')
      .set({
        self_assessment: input.selfAssessment,
        mutual_excellent: input.mutual?.excellent ?? null,
        mutual_qualified: input.mutual?.qualified ?? null,
        mutual_basically_qualified: input.mutual?.basicallyQualified ?? null,
        mutual_unqualified: input.mutual?.unqualified ?? null,
        committee_opinion: input.committeeOpinion,
        grade: input.grade,
        version: entry.version + 1,
        updated_at: at,
        updated_by_name: actor.name,
      })
      .where('id', '=', entryId)
      .where('version', '=', entry.version)
      .returningAll()
      .executeTakeFirst();
    if (!updated) throw conflict('该党员的评议情况已被他人修改，请刷新后重试');
    await ctx.audit.record(trx, ctx.actor, {
      type: 'appraisal.assess',
      orgId: appraisal.org_id,
      objectType: 'appraisal_entry',
      objectId: entryId,
      detail: {
        appraisalId,
        memberId: entry.member_id,
        grade: input.grade ? APPRAISAL_GRADE_LABELS[input.grade] : null,
        before: entry.grade ? APPRAISAL_GRADE_LABELS[entry.grade] : null,
      },
    });
    return presentEntry(updated);
  });
}
