import {
  type createNoticeBody,
  NOTICE_BEFORE_STEP,
  NOTICE_PURPOSE_LABELS,
  noticeEnd,
  type objectionBody,
  stepOf,
} from '@tongxin/contracts';
import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import type { Ctx } from '../../context.js';
import { beijingDate } from '../../platform/clock.js';
import { conflict, invalid, notFound } from '../../platform/http/errors.js';
import { actorOf, factsOf, loadFile, RULES, saveFile } from './development.repository.js';

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
    const noticeId = uuidv7();
    const endsOn = noticeEnd(body.startsOn, days);
    await trx
      .insertInto('development_notice')
      .values({
        id: noticeId,
        development_id: row.id,
        org_id: row.org_id,
        purpose: body.purpose,
        starts_on: body.startsOn,
        ends_on: endsOn,
        working_days: days,
        scope: body.scope,
        created_at: at,
        created_by: access.user!.id,
      })
      .execute();
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

/** Records an opinion received about a notice and what checking it found (属实 holds the next step). */
export async function recordObjection(ctx: Ctx, noticeId: string, body: z.output<typeof objectionBody>) {
  const at = ctx.clock.now().toISOString();
  if (body.receivedOn > beijingDate(ctx.clock.now())) throw invalid('receivedOn', '收到日期不能晚于今天');
  await ctx.db.transaction().execute(async (trx) => {
    const access = ctx.access.in(trx);
    const notice = await trx.selectFrom('development_notice').selectAll().where('id', '=', noticeId).executeTakeFirst();
    if (!notice) throw notFound('公示');
    const row = await loadFile(trx, access, notice.development_id, 'development.manage');
    if (body.receivedOn < notice.starts_on) throw invalid('receivedOn', `收到日期不能早于公示开始日期 ${notice.starts_on}`);
    await trx
      .insertInto('development_objection')
      .values({
        id: uuidv7(),
        notice_id: notice.id,
        received_on: body.receivedOn,
        content: body.content,
        finding: body.finding,
        upheld: body.upheld ? 1 : 0,
        actor_id: access.user!.id,
        actor_name: access.user!.displayName,
        recorded_at: at,
      })
      .execute();
    await ctx.audit.record(trx, ctx.actor, {
      type: 'development.objection',
      orgId: row.org_id,
      objectType: 'development',
      objectId: row.id,
      detail: { noticeId, receivedOn: body.receivedOn, upheld: body.upheld, actor: actorOf(access).name },
    });
  });
}
