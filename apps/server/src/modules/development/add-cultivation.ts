import type { cultivationBody } from '@tongxin/contracts';
import type { z } from 'zod';
import type { Ctx } from '../../context.js';
import { beijingDate } from '../../platform/clock.js';
import { invalid } from '../../platform/http/errors.js';
import { insertCultivation } from './talent.repository.js';
import { talentOf } from './talent-subject.js';

/** Records a step of a key talent's cultivation (date and what was done), not later than today; audited. */
export async function addCultivation(ctx: Ctx, body: z.output<typeof cultivationBody>) {
  const now = ctx.clock.now();
  const at = now.toISOString();
  if (body.on > beijingDate(now)) throw invalid('on', '培养日期不能晚于今天');
  await ctx.db.transaction().execute(async (trx) => {
    const access = ctx.access.in(trx);
    const talent = await talentOf(trx, access, body.subject, at);
    await insertCultivation(trx, {
      talentId: talent.id,
      on: body.on,
      content: body.content,
      actor: { id: access.user!.id, name: access.user!.displayName },
      at,
    });
    await ctx.audit.record(trx, ctx.actor, {
      type: 'development.talent',
      orgId: talent.orgId,
      objectType: 'key_talent',
      objectId: talent.id,
      detail: { record: { on: body.on } },
    });
  });
  return { ok: true as const };
}
