import type { createPledgeBody } from '@tongxin/contracts';
import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import type { Ctx } from '../../../context.js';

/** The committee publishes a pledge (version 1) for the enterprises under it; an association's text is published by it. */
export async function createPledge(ctx: Ctx, input: z.output<typeof createPledgeBody>): Promise<string> {
  const at = ctx.clock.now().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const access = ctx.access.in(trx);
    await access.authorize('governance.manage', input.orgId, '党组织');
    const user = access.user!;
    const id = uuidv7();
    await trx
      .insertInto('pledge')
      .values({
        id,
        org_id: input.orgId,
        title: input.title,
        issuer_kind: input.issuerKind,
        issuer_name: input.issuerName,
        current_version: 1,
        created_at: at,
        created_by: user.id,
        updated_at: at,
      })
      .execute();
    await trx
      .insertInto('pledge_version')
      .values({
        id: uuidv7(),
        pledge_id: id,
        version: 1,
        body: input.body,
        note: null,
        published_at: at,
        published_by: user.id,
        published_by_name: user.displayName,
      })
      .execute();
    await ctx.audit.record(trx, ctx.actor, {
      type: 'governance.pledge_publish',
      orgId: input.orgId,
      objectType: 'pledge',
      objectId: id,
      detail: { title: input.title, issuer: input.issuerName },
    });
    return id;
  });
}
