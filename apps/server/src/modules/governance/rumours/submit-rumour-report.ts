import type { rumourReportBody } from '@tongxin/contracts';
import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import type { Ctx } from '../../../context.js';
import { setOwnerAttachments } from '../../attachments/attachment.repository.js';
import { RUMOUR_SCREENSHOTS } from './rumour-attachments.js';

/** A member or an enterprise submits a suspected rumour (text, link, screenshots) from one of its organisations. */
export async function submitRumourReport(ctx: Ctx, input: z.output<typeof rumourReportBody>): Promise<string> {
  const at = ctx.clock.now().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const access = ctx.access.in(trx);
    await access.authorize('org.read', input.orgId, '党组织');
    const user = access.user!;
    const id = uuidv7();
    await trx
      .insertInto('rumour_report')
      .values({
        id,
        org_id: input.orgId,
        text: input.text,
        url: input.url,
        submitted_at: at,
        submitted_by: user.id,
        submitted_by_name: user.displayName,
        status: 'pending',
        verdict: null,
        answer: null,
        rebuttal_id: null,
        official_url: null,
        answered_at: null,
        answered_by: null,
        answered_by_name: null,
      })
      .execute();
    await setOwnerAttachments(trx, {
      ownerKind: RUMOUR_SCREENSHOTS.kind,
      ownerId: id,
      orgId: input.orgId,
      userId: user.id,
      ids: input.screenshotIds,
      now: at,
    });
    await ctx.audit.record(trx, ctx.actor, {
      type: 'governance.rumour_submit',
      orgId: input.orgId,
      objectType: 'rumour_report',
      objectId: id,
      detail: { screenshots: input.screenshotIds.length, hasUrl: input.url !== null },
    });
    return id;
  });
}
