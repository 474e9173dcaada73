import type { relayReportBody } from '@tongxin/contracts';
import type { z } from 'zod';
import type { Ctx } from '../../../context.js';
import { conflict, forbidden, notFound } from '../../../platform/http/errors.js';
import { setOwnerAttachments } from '../../attachments/attachment.repository.js';
import { contactEnterpriseIds } from '../governance-access.js';
import { publisherScope, relayerScope } from './relay-access.js';
import { RELAY_SCREENSHOTS } from './release-attachments.js';

/**
 * The relaying side reports where it relayed (link and screenshot). A report after the deadline is accepted and
 * marked late, never refused. The publishing committee sees the task but does not report for it (403).
 */
export async function reportRelay(ctx: Ctx, id: string, input: z.output<typeof relayReportBody>): Promise<{ late: boolean }> {
  const at = ctx.clock.now().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const access = ctx.access.in(trx);
    const own = await contactEnterpriseIds(trx, access);
    const t = await trx
      .selectFrom('relay_task')
      .selectAll()
      .where('id', '=', id)
      .where((eb) => eb.or([publisherScope(access), relayerScope(eb, access, own)]))
      .executeTakeFirst();
    if (!t) throw notFound('转发任务');
    const mine = await trx
      .selectFrom('relay_task')
      .select('id')
      .where('id', '=', id)
      .where((eb) => relayerScope(eb, access, own))
      .executeTakeFirst();
    if (!mine) throw forbidden('转发情况由承担任务的企业或党组织报告');
    if (t.reported_at) throw conflict('该任务已报告转发情况');
    const late = at > t.deadline_at;
    const user = access.user!;
    const res = await trx
      .updateTable('relay_task')
      .set({
        reported_at: at,
        reported_by: user.id,
        reported_by_name: user.displayName,
        relay_url: input.url,
        note: input.note,
        late: late ? 1 : 0,
      })
      .where('id', '=', id)
      .where('reported_at', 'is', null)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw conflict('该任务已报告转发情况');
    await setOwnerAttachments(trx, {
      ownerKind: RELAY_SCREENSHOTS.kind,
      ownerId: id,
      orgId: t.org_id,
      userId: user.id,
      ids: input.screenshotIds,
      now: at,
    });
    await ctx.audit.record(trx, ctx.actor, {
      type: 'governance.relay_report',
      orgId: t.org_id,
      objectType: 'relay_task',
      objectId: id,
      detail: { releaseId: t.release_id, target: t.target_name, late, url: input.url },
    });
    return { late };
  });
}
