import type { createHotEventBody } from '@tongxin/contracts';
import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import type { Ctx } from '../../../context.js';

/** The committee records a hot event (网络热点事件) to publish releases under. */
export async function createHotEvent(ctx: Ctx, input: z.output<typeof createHotEventBody>): Promise<string> {
  const at = ctx.clock.now().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const access = ctx.access.in(trx);
    await access.authorize('governance.manage', input.orgId, '党组织');
    const id = uuidv7();
    await trx
      .insertInto('hot_event')
      .values({
        id,
        org_id: input.orgId,
        title: input.title,
        summary: input.summary,
        created_at: at,
        created_by: access.user!.id,
      })
      .execute();
    await ctx.audit.record(trx, ctx.actor, {
      type: 'governance.event_create',
      orgId: input.orgId,
      objectType: 'hot_event',
      objectId: id,
      detail: { title: input.title },
    });
    return id;
  });
}
