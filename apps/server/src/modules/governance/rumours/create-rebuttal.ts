import type { rebuttalBody } from '@tongxin/contracts';
import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import type { Ctx } from '../../../context.js';
import { pinyinKeys } from '../../orgs/pinyin.js';

/** The committee adds a rebuttal with its authoritative source to the library. */
export async function createRebuttal(ctx: Ctx, input: z.output<typeof rebuttalBody>): Promise<string> {
  const at = ctx.clock.now().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const access = ctx.access.in(trx);
    await access.authorize('governance.manage', input.orgId, '党组织');
    const id = uuidv7();
    const keys = pinyinKeys(input.title);
    await trx
      .insertInto('rebuttal')
      .values({
        id,
        org_id: input.orgId,
        title: input.title,
        title_pinyin: keys.full,
        title_initials: keys.initials,
        claim: input.claim,
        truth: input.truth,
        source_name: input.sourceName,
        source_url: input.sourceUrl,
        published_on: input.publishedOn,
        created_at: at,
        created_by: access.user!.id,
      })
      .execute();
    await ctx.audit.record(trx, ctx.actor, {
      type: 'governance.rebuttal_create',
      orgId: input.orgId,
      objectType: 'rebuttal',
      objectId: id,
      detail: { title: input.title, source: input.sourceName },
    });
    return id;
  });
}
