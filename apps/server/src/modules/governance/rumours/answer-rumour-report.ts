import type { answerRumourBody } from '@tongxin/contracts';
import type { z } from 'zod';
import type { Ctx } from '../../../context.js';
import { conflict, forbidden, invalid, notFound } from '../../../platform/http/errors.js';

/** The committee answers a report, linking a rebuttal of the library or an official source; the submitter sees it. */
export async function answerRumourReport(ctx: Ctx, id: string, input: z.output<typeof answerRumourBody>): Promise<void> {
  const at = ctx.clock.now().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const access = ctx.access.in(trx);
    const r = await trx.selectFrom('rumour_report').selectAll().where('id', '=', id).executeTakeFirst();
    if (!r) throw notFound('可疑信息');
    // A report is private to its submitter and the committees above its org: to anyone else it does not exist.
    if (!(await access.can('governance.manage', r.org_id))) {
      throw r.submitted_by === access.user?.id ? forbidden('可疑信息由上级党委核实答复') : notFound('可疑信息');
    }
    if (r.status !== 'pending') throw conflict('该信息已答复');
    if (input.rebuttalId) {
      const b = await trx.selectFrom('rebuttal').select('id').where('id', '=', input.rebuttalId).executeTakeFirst();
      if (!b) throw invalid('rebuttalId', '所选辟谣条目不存在');
    }
    const user = access.user!;
    const res = await trx
      .updateTable('rumour_report')
      .set({
        status: 'answered',
        verdict: input.verdict,
        answer: input.answer,
        rebuttal_id: input.rebuttalId,
        official_url: input.officialUrl,
        answered_at: at,
        answered_by: user.id,
        answered_by_name: user.displayName,
      })
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw conflict('该信息已答复');
    await ctx.audit.record(trx, ctx.actor, {
      type: 'governance.rumour_answer',
      orgId: r.org_id,
      objectType: 'rumour_report',
      objectId: id,
      detail: { verdict: input.verdict, rebuttalId: input.rebuttalId },
    });
  });
}
