import type { setMeetingRuleBody } from '@tongxin/contracts';
import type { z } from 'zod';
import type { Ctx } from '../../context.js';
import { forbidden } from '../../platform/http/errors.js';
import { saveMeetingRule } from './meeting-rules.repository.js';
import { canEditRules } from './meeting-rules-editor.js';

/** PUT /api/meetings/rules: a city committee admin sets a kind's frequency from a year on (audited). */
export async function setMeetingRule(ctx: Ctx, body: z.output<typeof setMeetingRuleBody>) {
  const at = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const access = ctx.access.in(trx);
    if (!(await canEditRules(trx, access))) throw forbidden('只有市级行业党委管理员可以设置三会一课的频次');
    const user = access.user!;
    await saveMeetingRule(trx, {
      kind: body.kind,
      fromYear: body.fromYear,
      frequency: body.frequency,
      setAt: at,
      setBy: user.id,
      setByName: user.displayName,
    });
    await ctx.audit.record(trx, ctx.actor, {
      type: 'meeting.rule_set',
      objectType: 'meeting_rule',
      objectId: `${body.kind}:${body.fromYear}`,
      detail: body,
    });
  });
  return { ok: true as const };
}
