import { type createNoticeBody, NOTICE_BEFORE_STEP, NOTICE_PURPOSE_LABELS, noticeEnd, stepOf } from '@tongxin/contracts';
import type { z } from 'zod';
import type { Ctx } from '../../context.js';
import { conflict, invalid } from '../../platform/http/errors.js';
import { factsOf, loadFile, RULES, saveFile } from './development.repository.js';
import { insertDevelopmentNotice } from './development-notice.repository.js';

/**
 * Publishes a public notice (公示) for a file: before the branch committee's review of a candidate (step 12) and
 * before the confirmation vote (step 23). Its length is the rules' working days unless a longer one is given.
 */
export async function createNotice(ctx: Ctx, id: string, body: z.output<typeof createNoticeBody>) {
  const now = ctx.clock.now();
  const at = now.toISOString();
  const days = body.workingDays ?? RULES.noticeWorkingDays;
  if (days < RULES.noticeWorkingDays) throw invalid('workingDays', `公示期不少于${RULES.noticeWorkingDays}个工作日`);
  return ctx.db.transaction().execute(async (trx) => {
    const access = ctx.access.in(trx);
    const row = await loadFile(trx, access, id, 'development.manage');
    if (row.status !== 'active') throw conflict('该发展档案已结束');
    const before = NOTICE_BEFORE_STEP[body.purpose];
    // The notice belongs to the stretch right before its step: after the previous step, before the step itself.
    if (row.last_step !== before - 1) {
      throw invalid(
        'purpose',
        `${NOTICE_PURPOSE_LABELS[body.purpose]}应在「${stepOf(before - 1)!.title}」之后、「${stepOf(before)!.title}」之前进行`,
      );
    }
    const facts = await factsOf(trx, row);
    const lastDate =
      facts.steps
        .map((s) => s.doneOn)
        .sort()
        .at(-1) ?? '';
    if (body.startsOn < lastDate) throw invalid('startsOn', `公示开始日期不能早于上一步的日期 ${lastDate}`);
    const endsOn = noticeEnd(body.startsOn, days);
    const noticeId = await insertDevelopmentNotice(trx, {
      developmentId: row.id,
      orgId: row.org_id,
      purpose: body.purpose,
      startsOn: body.startsOn,
      endsOn,
      workingDays: days,
      scope: body.scope,
      at,
      by: access.user!.id,
    });
    const after = {
      ...facts,
      notices: [...facts.notices, { purpose: body.purpose, startsOn: body.startsOn, endsOn, upheldObjections: 0 }],
    };
    await saveFile(trx, row, after, at);
    await ctx.audit.record(trx, ctx.actor, {
      type: 'development.notice',
      orgId: row.org_id,
      objectType: 'development',
      objectId: row.id,
      detail: { noticeId, purpose: body.purpose, startsOn: body.startsOn, endsOn, workingDays: days },
    });
    return { id: noticeId, endsOn };
  });
}
