import { DEFAULT_FREQUENCIES, MEETING_RULES_VERSION, type setMeetingRuleBody } from '@tongxin/contracts';
import type { z } from 'zod';
import type { Access } from '../../access/access.js';
import type { Ctx } from '../../context.js';
import type { Db, Trx } from '../../platform/db/connect.js';
import { forbidden } from '../../platform/http/errors.js';

/** The city committee (the tree's top committee) whose admins set the frequencies: the rules are city-wide. */
async function cityCommittees(db: Db | Trx): Promise<string[]> {
  const rows = await db.selectFrom('org').select('id').where('parent_id', 'is', null).where('kind', '=', 'committee').execute();
  return rows.map((r) => r.id);
}

async function canEditRules(db: Db | Trx, access: Access): Promise<boolean> {
  for (const id of await cityCommittees(db)) if (await access.can('meeting.rules.manage', id)) return true;
  return false;
}

/** GET /api/meetings/rules: the default frequencies, the city's overrides, and whether this user may change them. */
export async function getMeetingRules(ctx: Ctx) {
  ctx.access.requireAnywhere('meeting.read');
  const rows = await ctx.db.selectFrom('meeting_rule').selectAll().orderBy('kind').orderBy('from_year').execute();
  return {
    version: MEETING_RULES_VERSION,
    defaults: DEFAULT_FREQUENCIES,
    overrides: rows.map((r) => ({
      kind: r.kind,
      fromYear: Number(r.from_year),
      frequency: r.frequency,
      setAt: r.set_at,
      setByName: r.set_by_name,
    })),
    canEdit: await canEditRules(ctx.db, ctx.access),
  };
}

/** PUT /api/meetings/rules: a city committee admin sets a kind's frequency from a year on (audited). */
export async function setMeetingRule(ctx: Ctx, body: z.output<typeof setMeetingRuleBody>) {
  const at = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const access = ctx.access.in(trx);
    if (!(await canEditRules(trx, access))) throw forbidden('只有市级行业党委管理员可以设置三会一课的频次');
    const user = access.user!;
    await trx
      .insertInto('meeting_rule')
      .values({
        kind: body.kind,
        from_year: body.fromYear,
        frequency: body.frequency,
        set_at: at,
        set_by: user.id,
        set_by_name: user.displayName,
      })
      .onConflict((oc) =>
        oc
          .columns(['kind', 'from_year'])
          .doUpdateSet({ frequency: body.frequency, set_at: at, set_by: user.id, set_by_name: user.displayName }),
      )
      .execute();
    await ctx.audit.record(trx, ctx.actor, {
      type: 'meeting.rule_set',
      objectType: 'meeting_rule',
      objectId: `${body.kind}:${body.fromYear}`,
      detail: body,
    });
  });
  return { ok: true as const };
}
