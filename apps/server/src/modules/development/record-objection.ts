import type { objectionBody } from '@tongxin/contracts';
import type { z } from 'zod';
import type { Ctx } from '../../context.js';
import { beijingDate } from '../../platform/clock.js';
import { invalid, notFound } from '../../platform/http/errors.js';
import { actorOf, loadFile } from './development.repository.js';
import { findDevelopmentNotice, insertObjection } from './development-notice.repository.js';

/** Records an opinion received about a notice and what checking it found (属实 holds the next step). */
export async function recordObjection(ctx: Ctx, noticeId: string, body: z.output<typeof objectionBody>) {
  const at = ctx.clock.now().toISOString();
  if (body.receivedOn > beijingDate(ctx.clock.now())) throw invalid('receivedOn', '收到日期不能晚于今天');
  await ctx.db.transaction().execute(async (trx) => {
    const access = ctx.access.in(trx);
    const notice = await findDevelopmentNotice(trx, noticeId);
    if (!notice) throw notFound('公示');
    const row = await loadFile(trx, access, notice.developmentId, 'development.manage');
    if (body.receivedOn < notice.startsOn) throw invalid('receivedOn', `收到日期不能早于公示开始日期 ${notice.startsOn}`);
    await insertObjection(trx, {
      noticeId: notice.id,
      receivedOn: body.receivedOn,
      content: body.content,
      finding: body.finding,
      upheld: body.upheld,
      actor: actorOf(access),
      at,
    });
    await ctx.audit.record(trx, ctx.actor, {
      type: 'development.objection',
      orgId: row.org_id,
      objectType: 'development',
      objectId: row.id,
      detail: { noticeId, receivedOn: body.receivedOn, upheld: body.upheld, actor: actorOf(access).name },
    });
  });
  return { ok: true as const };
}
