import {
  type Coverage,
  type CoverageCounts,
  coverageRulesOn,
  describeScope,
  inCoverageScope,
  rateInPermille,
  recentContactSince,
} from '@tongxin/contracts';
import { enterpriseVisible } from '../../access/enterprise-scope.js';
import type { Ctx } from '../../context.js';
import { beijingDate } from '../../platform/clock.js';
import { notFound } from '../../platform/http/errors.js';
import { childCommittees, coverageFacts, fullMembersPerEnterprise, orgNamed, partOf, treeRoot } from './coverage.repository.js';
import { scopeFacts } from './enterprise.presenter.js';

/** The uncovered list is for acting on: the first 200 (the totals count them all). */
const UNCOVERED_MAX = 200;

/**
 * "两个覆盖" for an org's subtree (DOMAIN.md "Enterprise coverage"): over the operating enterprises in the survey
 * scope, organisation coverage = own or joint ÷ in scope, own-organisation rate = own ÷ in scope; work coverage
 * = of those with no organisation, the share with a running instructor assignment and a counted contact within
 * the cadence. The enterprises are those the user sees (the registry's one rule) whose area lies in the subtree.
 */
export async function coverage(ctx: Ctx, orgId: string | undefined): Promise<Coverage> {
  const access = ctx.access;
  access.requireAnywhere('enterprise.read');
  const today = beijingDate(ctx.clock.now());
  const rules = coverageRulesOn(today);
  const since = recentContactSince(today, rules);
  const rootId = orgId ?? (await defaultOrg(ctx));
  await access.authorize('enterprise.read', rootId);
  const root = await orgNamed(ctx.db, rootId);
  const visible = enterpriseVisible(access, today);
  const rows = await coverageFacts(ctx.db, visible, rootId, today, rules);
  const fullOf = await fullMembersPerEnterprise(ctx.db, visible, rootId, rules.ownBranchFromFullMembers);
  const children = await childCommittees(ctx.db, rootId);
  const partOfArea = await partOf(
    ctx.db,
    children.map((c) => c.id),
    [...new Set(rows.map((r) => r.areaOrgId))],
  );

  const facts = rows.map((r) => {
    const inScope = inCoverageScope(scopeFacts(r), rules);
    const workCovered =
      r.coverageKind === 'none' && r.instructorName !== null && r.lastContactOn !== null && r.lastContactOn >= since;
    return { r, inScope, workCovered };
  });
  const count = (list: typeof facts): CoverageCounts => {
    const scoped = list.filter((f) => f.inScope);
    const own = scoped.filter((f) => f.r.coverageKind === 'own').length;
    const joint = scoped.filter((f) => f.r.coverageKind === 'joint').length;
    const none = scoped.length - own - joint;
    const workCovered = scoped.filter((f) => f.workCovered).length;
    return {
      registered: list.length,
      inScope: scoped.length,
      own,
      joint,
      none,
      workCovered,
      orgRatePermille: rateInPermille(own + joint, scoped.length),
      ownRatePermille: rateInPermille(own, scoped.length),
      workRatePermille: rateInPermille(workCovered, none),
    };
  };

  const uncovered = facts
    .filter((f) => f.inScope && f.r.coverageKind === 'none')
    .sort((a, b) => Number(a.workCovered) - Number(b.workCovered) || a.r.namePinyin.localeCompare(b.r.namePinyin))
    .slice(0, UNCOVERED_MAX);
  return {
    org: root,
    rules: {
      effectiveFrom: rules.effectiveFrom,
      source: rules.source,
      scopeText: describeScope(rules),
      visitEveryMonths: rules.visitEveryMonths,
      ownBranchFromFullMembers: rules.ownBranchFromFullMembers,
    },
    totals: count(facts),
    parts: [
      ...(facts.some((f) => f.r.areaOrgId === rootId)
        ? [{ org: root, direct: true, ...count(facts.filter((f) => f.r.areaOrgId === rootId)) }]
        : []),
      ...children.map((c) => ({
        org: c,
        direct: false,
        ...count(facts.filter((f) => partOfArea.get(f.r.areaOrgId) === c.id)),
      })),
    ],
    uncovered: uncovered.map(({ r, workCovered }) => ({
      id: r.id,
      name: r.name,
      area: { id: r.areaOrgId, name: r.areaName },
      employeeCount: r.employeeCount,
      instructorName: r.instructorName,
      lastContactOn: r.lastContactOn,
      workCovered,
    })),
    shouldFormBranch: rows
      .filter((r) => r.coverageKind !== 'own' && fullOf.has(r.id))
      .sort((a, b) => fullOf.get(b.id)! - fullOf.get(a.id)! || a.namePinyin.localeCompare(b.namePinyin))
      .map((r) => ({
        id: r.id,
        name: r.name,
        area: { id: r.areaOrgId, name: r.areaName },
        fullMembers: fullOf.get(r.id)!,
        coverageKind: r.coverageKind,
        coveringOrgName: r.coveringName,
      })),
  };
}

/** The top of the user's enterprise scope (the whole tree's root for a global grant). */
async function defaultOrg(ctx: Ctx): Promise<string> {
  const tops = await ctx.access.scopeTops(['enterprise.read']);
  if (tops === null) {
    const root = await treeRoot(ctx.db);
    if (!root) throw notFound('组织');
    return root;
  }
  if (tops.length === 0) throw notFound('组织');
  return tops[0]!;
}
