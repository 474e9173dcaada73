import { checkExtension, type extendProbationBody, probationEnd } from '@tongxin/contracts';
import type { z } from 'zod';
import type { Ctx } from '../../context.js';
import { beijingDate } from '../../platform/clock.js';
import { conflict, invalid } from '../../platform/http/errors.js';
import { actorOf, factsOf, loadFile, refuse, saveFile } from './development.repository.js';
import { updateLedger } from './development-ledger.js';

/**
 * The branch meeting extends a probationary member's probation once, by 6–12 months (细则 Art. 33). The new end
 * date moves the confirmation vote and is what the ledger health check reads for probation overdue.
 */
export async function extendProbation(ctx: Ctx, id: string, body: z.output<typeof extendProbationBody>) {
  const now = ctx.clock.now();
  const at = now.toISOString();
  if (body.decidedOn > beijingDate(now)) throw invalid('decidedOn', '决定日期不能晚于今天');
  return ctx.db.transaction().execute(async (trx) => {
    const access = ctx.access.in(trx);
    const row = await loadFile(trx, access, id, 'development.manage');
    if (row.status !== 'active') throw conflict('该发展档案已结束');
    const facts = await factsOf(trx, row);
    const issues = checkExtension(facts, body.months);
    if (issues.length) refuse(issues);
    const after = { ...facts, extensionMonths: body.months };
    const endsOn = probationEnd(row.admitted_on!, body.months);
    await saveFile(trx, row, after, at, { extension_months: body.months, extension_reason: body.reason });
    await updateLedger(
      ctx,
      ctx.actor,
      trx,
      actorOf(access),
      row,
      {
        action: 'development_extend',
        reason: `支部大会决定延长预备期${body.months}个月（${body.decidedOn}），预备期至 ${endsOn}：${body.reason}`,
      },
      at,
    );
    await ctx.audit.record(trx, ctx.actor, {
      type: 'development.extend',
      orgId: row.org_id,
      objectType: 'development',
      objectId: row.id,
      detail: { months: body.months, decidedOn: body.decidedOn, probationEndsOn: endsOn },
    });
    return { probationEndsOn: endsOn };
  });
}
