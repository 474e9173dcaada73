import type { updateMediaAccountBody } from '@tongxin/contracts';
import type { z } from 'zod';
import type { Ctx } from '../../../context.js';
import { beijingDate } from '../../../platform/clock.js';
import { isUniqueViolation } from '../../../platform/db/helpers.js';
import { conflict, forbidden, notFound } from '../../../platform/http/errors.js';
import { contactEnterpriseIds } from '../governance-access.js';
import { mediaVisible, selectMediaAccounts } from './media-account.repository.js';
import { mayEditAccount } from './media-rules.js';

type Input = z.output<typeof updateMediaAccountBody>;
const FIELDS = ['platform', 'name', 'handle', 'operatorName', 'followerBand', 'verification', 'url'] as const;
const COLUMN = {
  platform: 'platform',
  name: 'name',
  handle: 'handle',
  operatorName: 'operator_name',
  followerBand: 'follower_band',
  verification: 'verification',
  url: 'url',
} as const;

/** Edits an account (its owner stays): invisible → 404, visible but not editable → 403, stale version → 409. */
export async function updateMediaAccount(ctx: Ctx, id: string, input: Input): Promise<void> {
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const access = ctx.access.in(trx);
    const a = await selectMediaAccounts(trx)
      .where('media_account.id', '=', id)
      .where((eb) => mediaVisible(eb, access, beijingDate(now)))
      .executeTakeFirst();
    if (!a) throw notFound('媒体账号');
    if (!(await mayEditAccount(access, a, new Set(await contactEnterpriseIds(trx, access))))) throw forbidden();
    const changed = FIELDS.filter((f) => a[COLUMN[f]] !== input[f]);
    try {
      const res = await trx
        .updateTable('media_account')
        .set({
          platform: input.platform,
          name: input.name,
          handle: input.handle,
          operator_name: input.operatorName,
          follower_band: input.followerBand,
          verification: input.verification,
          url: input.url,
          updated_at: now.toISOString(),
          version: Number(a.version) + 1,
        })
        .where('id', '=', id)
        .where('version', '=', input.version)
        .executeTakeFirst();
      if (Number(res.numUpdatedRows) !== 1) throw conflict('账号信息已被他人修改，请刷新后重试');
    } catch (err) {
      if (isUniqueViolation(err)) throw conflict('该平台上的这个账号ID已登记');
      throw err;
    }
    await ctx.audit.record(trx, ctx.actor, {
      type: 'governance.media_update',
      orgId: a.area_org_id,
      objectType: 'media_account',
      objectId: id,
      detail: { changed },
    });
  });
}
