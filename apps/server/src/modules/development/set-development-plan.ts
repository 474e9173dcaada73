import type { setPlanBody } from '@tongxin/contracts';
import type { z } from 'zod';
import type { Ctx } from '../../context.js';
import { isUniqueViolation } from '../../platform/db/helpers.js';
import { conflict } from '../../platform/http/errors.js';
import { plansOf, savePlan } from './development-plan.repository.js';

/** Sets an org's yearly quota: the committee at or above it (development.approve); audited. */
export async function setDevelopmentPlan(ctx: Ctx, body: z.output<typeof setPlanBody>) {
  const at = ctx.clock.now().toISOString();
  try {
    await writePlan(ctx, body, at);
  } catch (e) {
    // Two first plans for the same org and year racing: the unique index keeps one.
    if (isUniqueViolation(e)) throw conflict('该组织本年度计划刚被他人设置，请刷新后重试');
    throw e;
  }
  return { ok: true as const };
}

async function writePlan(ctx: Ctx, body: z.output<typeof setPlanBody>, at: string) {
  await ctx.db.transaction().execute(async (trx) => {
    const access = ctx.access.in(trx);
    await access.authorize('development.approve', body.orgId, '党组织');
    const [existing] = await plansOf(trx, [body.orgId], body.year);
    await savePlan(trx, existing?.id ?? null, {
      orgId: body.orgId,
      year: body.year,
      quota: body.quota,
      note: body.note,
      at,
      by: access.user!.id,
    });
    await ctx.audit.record(trx, ctx.actor, {
      type: 'development.plan',
      orgId: body.orgId,
      objectType: 'org',
      objectId: body.orgId,
      detail: { year: body.year, before: existing?.quota ?? null, after: body.quota },
    });
  });
}
