import type { setPlanBody } from '@tongxin/contracts';
import { STEP } from '@tongxin/contracts';
import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import type { Ctx } from '../../context.js';
import { isUniqueViolation } from '../../platform/db/helpers.js';
import { conflict, notFound } from '../../platform/http/errors.js';
import { findOrg } from '../orgs/org.repository.js';

/**
 * Plan vs actual for a year: the org's own quota and each visible child's, against the people admitted (the
 * upper committee's approval, step 17, in that year) and the applications received, each over the org's subtree.
 */
export async function developmentPlan(ctx: Ctx, orgId: string, year: number) {
  const access = ctx.access;
  await access.authorize('development.read', orgId, '党组织');
  const org = await findOrg(ctx.db, orgId);
  if (!org) throw notFound('党组织');
  const children = await ctx.db
    .selectFrom('org')
    .select(['id', 'name'])
    .where('parent_id', '=', orgId)
    .where('status', '=', 'active')
    .where(access.scope('development.read', 'org.id'))
    .orderBy('name')
    .limit(200)
    .execute();
  const ids = [orgId, ...children.map((c) => c.id)];
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const admitted = await ctx.db
    .selectFrom('development_step')
    .innerJoin('development', 'development.id', 'development_step.development_id')
    .innerJoin('org_closure', 'org_closure.descendant_id', 'development.org_id')
    .select(['org_closure.ancestor_id as id', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('org_closure.ancestor_id', 'in', ids)
    .where('development_step.step', '=', STEP.admissionApproval)
    .where('development_step.done_on', '>=', from)
    .where('development_step.done_on', '<=', to)
    .where(access.scope('development.read', 'development.org_id'))
    .groupBy('org_closure.ancestor_id')
    .execute();
  const applied = await ctx.db
    .selectFrom('development')
    .innerJoin('org_closure', 'org_closure.descendant_id', 'development.org_id')
    .select(['org_closure.ancestor_id as id', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('org_closure.ancestor_id', 'in', ids)
    .where('development.applied_on', '>=', from)
    .where('development.applied_on', '<=', to)
    .where(access.scope('development.read', 'development.org_id'))
    .groupBy('org_closure.ancestor_id')
    .execute();
  const plans = await ctx.db
    .selectFrom('development_plan')
    .selectAll()
    .where('org_id', 'in', ids)
    .where('year', '=', year)
    .execute();
  const row = (id: string, name: string) => {
    const plan = plans.find((p) => p.org_id === id);
    return {
      orgId: id,
      orgName: name,
      quota: plan?.quota ?? null,
      note: plan?.note ?? null,
      admitted: Number(admitted.find((a) => a.id === id)?.n ?? 0),
      applied: Number(applied.find((a) => a.id === id)?.n ?? 0),
    };
  };
  return { year, own: row(orgId, org.name), children: children.map((c) => row(c.id, c.name)) };
}

/** Sets an org's yearly quota: the committee at or above it (development.approve). */
export async function setDevelopmentPlan(ctx: Ctx, body: z.output<typeof setPlanBody>) {
  const at = ctx.clock.now().toISOString();
  try {
    await writePlan(ctx, body, at);
  } catch (e) {
    // Two first plans for the same org and year racing: the unique index keeps one.
    if (isUniqueViolation(e)) throw conflict('该组织本年度计划刚被他人设置，请刷新后重试');
    throw e;
  }
}

async function writePlan(ctx: Ctx, body: z.output<typeof setPlanBody>, at: string) {
  await ctx.db.transaction().execute(async (trx) => {
    const access = ctx.access.in(trx);
    await access.authorize('development.approve', body.orgId, '党组织');
    const existing = await trx
      .selectFrom('development_plan')
      .select(['id', 'quota'])
      .where('org_id', '=', body.orgId)
      .where('year', '=', body.year)
      .executeTakeFirst();
    if (existing) {
      await trx
        .updateTable('development_plan')
        .set({ quota: body.quota, note: body.note, updated_at: at, updated_by: access.user!.id })
        .where('id', '=', existing.id)
        .execute();
    } else {
      await trx
        .insertInto('development_plan')
        .values({
          id: uuidv7(),
          org_id: body.orgId,
          year: body.year,
          quota: body.quota,
          note: body.note,
          updated_at: at,
          updated_by: access.user!.id,
        })
        .execute();
    }
    await ctx.audit.record(trx, ctx.actor, {
      type: 'development.plan',
      orgId: body.orgId,
      objectType: 'org',
      objectId: body.orgId,
      detail: { year: body.year, before: existing?.quota ?? null, after: body.quota },
    });
  });
}
