import type { Ctx } from '../../context.js';
import { notFound } from '../../platform/http/errors.js';
import { findOrg } from '../orgs/org.repository.js';
import { activeChildren, admittedPerSubtree, appliedPerSubtree, plansOf } from './development-plan.repository.js';

/**
 * Plan vs actual for a year: the org's own quota and each visible child's, against the people admitted (the
 * upper committee's approval, step 17, in that year) and the applications received, each over the org's subtree.
 */
export async function developmentPlan(ctx: Ctx, orgId: string, year: number) {
  const access = ctx.access;
  await access.authorize('development.read', orgId, '党组织');
  const org = await findOrg(ctx.db, orgId);
  if (!org) throw notFound('党组织');
  const children = await activeChildren(ctx.db, orgId, access.scope('development.read', 'org.id'), 200);
  const ids = [orgId, ...children.map((c) => c.id)];
  const dates = { from: `${year}-01-01`, to: `${year}-12-31` };
  const files = access.scope('development.read', 'development.org_id');
  const admitted = await admittedPerSubtree(ctx.db, ids, dates, files);
  const applied = await appliedPerSubtree(ctx.db, ids, dates, files);
  const plans = await plansOf(ctx.db, ids, year);
  const row = (id: string, name: string) => {
    const plan = plans.find((p) => p.orgId === id);
    return {
      orgId: id,
      orgName: name,
      quota: plan?.quota ?? null,
      note: plan?.note ?? null,
      admitted: admitted.get(id) ?? 0,
      applied: applied.get(id) ?? 0,
    };
  };
  return { year, own: row(orgId, org.name), children: children.map((c) => row(c.id, c.name)) };
}
