import {
  type Coverage,
  type CoverageCounts,
  coverageRulesOn,
  describeScope,
  inCoverageScope,
  rateInPermille,
  recentContactSince,
} from '@tongxin/contracts';
import { sql } from 'kysely';
import { enterpriseVisible } from '../../access/enterprise-scope.js';
import type { Ctx } from '../../context.js';
import { beijingDate } from '../../platform/clock.js';
import { notFound } from '../../platform/http/errors.js';
import { scopeFacts } from './enterprise.presenter.js';
import { inSubtree } from './enterprise-filter.js';

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
  const root = await ctx.db.selectFrom('org').select(['id', 'name']).where('id', '=', rootId).executeTakeFirstOrThrow();

  const rows = await ctx.db
    .selectFrom('enterprise')
    .innerJoin('org as area', 'area.id', 'enterprise.area_org_id')
    .leftJoin('org as covering', 'covering.id', 'enterprise.covering_org_id')
    .select([
      'enterprise.id',
      'enterprise.name',
      'enterprise.name_pinyin',
      'enterprise.area_org_id',
      'area.name as area_name',
      'enterprise.employee_count',
      'enterprise.has_fixed_premises',
      'enterprise.operating_status',
      'enterprise.coverage_kind',
      'covering.name as covering_name',
      sql<
        string | null
      >`(select min(u.display_name) from instructor_assignment as ia join app_user as u on u.id = ia.instructor_id
        where ia.enterprise_id = enterprise.id and ia.starts_on <= ${today} and (ia.ends_on is null or ia.ends_on >= ${today}))`.as(
        'instructor_name',
      ),
      sql<string | null>`(select max(l.on_date) from instructor_log as l
        where l.enterprise_id = enterprise.id and l.kind in (${sql.join(rules.visitKinds)}))`.as('last_contact'),
    ])
    .where(enterpriseVisible(access, today))
    .where(inSubtree(rootId))
    .where('enterprise.archived_at', 'is', null)
    .execute();

  const full = await ctx.db
    .selectFrom('member')
    .innerJoin('enterprise', 'enterprise.id', 'member.enterprise_id')
    .select(['member.enterprise_id', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('member.status', '=', 'full')
    .where('member.archived_at', 'is', null)
    .where(enterpriseVisible(access, today))
    .where(inSubtree(rootId))
    .where('enterprise.archived_at', 'is', null)
    .groupBy('member.enterprise_id')
    .having((eb) => eb.fn.countAll(), '>=', rules.ownBranchFromFullMembers)
    .execute();
  const fullOf = new Map(full.map((f) => [f.enterprise_id!, Number(f.n)]));

  const children = await ctx.db
    .selectFrom('org')
    .select(['id', 'name'])
    .where('parent_id', '=', rootId)
    .where('kind', '=', 'committee')
    .where('status', '=', 'active')
    .orderBy('name_pinyin')
    .execute();
  const areaIds = [...new Set(rows.map((r) => r.area_org_id))];
  const partOfArea = new Map<string, string>();
  if (children.length && areaIds.length) {
    const links = await ctx.db
      .selectFrom('org_closure')
      .select(['ancestor_id', 'descendant_id'])
      .where(
        'ancestor_id',
        'in',
        children.map((c) => c.id),
      )
      .where('descendant_id', 'in', areaIds)
      .execute();
    for (const l of links) partOfArea.set(l.descendant_id, l.ancestor_id);
  }

  const facts = rows.map((r) => {
    const inScope = inCoverageScope(scopeFacts(r), rules);
    const workCovered =
      r.coverage_kind === 'none' && r.instructor_name !== null && r.last_contact !== null && r.last_contact >= since;
    return { r, inScope, workCovered };
  });
  const count = (list: typeof facts): CoverageCounts => {
    const scoped = list.filter((f) => f.inScope);
    const own = scoped.filter((f) => f.r.coverage_kind === 'own').length;
    const joint = scoped.filter((f) => f.r.coverage_kind === 'joint').length;
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
    .filter((f) => f.inScope && f.r.coverage_kind === 'none')
    .sort((a, b) => Number(a.workCovered) - Number(b.workCovered) || a.r.name_pinyin.localeCompare(b.r.name_pinyin))
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
      ...(facts.some((f) => f.r.area_org_id === rootId)
        ? [{ org: root, direct: true, ...count(facts.filter((f) => f.r.area_org_id === rootId)) }]
        : []),
      ...children.map((c) => ({
        org: c,
        direct: false,
        ...count(facts.filter((f) => partOfArea.get(f.r.area_org_id) === c.id)),
      })),
    ],
    uncovered: uncovered.map(({ r, workCovered }) => ({
      id: r.id,
      name: r.name,
      area: { id: r.area_org_id, name: r.area_name },
      employeeCount: r.employee_count,
      instructorName: r.instructor_name,
      lastContactOn: r.last_contact,
      workCovered,
    })),
    shouldFormBranch: rows
      .filter((r) => r.coverage_kind !== 'own' && fullOf.has(r.id))
      .sort((a, b) => fullOf.get(b.id)! - fullOf.get(a.id)! || a.name_pinyin.localeCompare(b.name_pinyin))
      .map((r) => ({
        id: r.id,
        name: r.name,
        area: { id: r.area_org_id, name: r.area_name },
        fullMembers: fullOf.get(r.id)!,
        coverageKind: r.coverage_kind,
        coveringOrgName: r.covering_name,
      })),
  };
}

/** The top of the user's enterprise scope (the whole tree's root for a global grant). */
async function defaultOrg(ctx: Ctx): Promise<string> {
  const tops = await ctx.access.scopeTops(['enterprise.read']);
  if (tops === null) {
    const root = await ctx.db
      .selectFrom('org')
      .select('id')
      .where('parent_id', 'is', null)
      .orderBy('created_at')
      .executeTakeFirst();
    if (!root) throw notFound('组织');
    return root.id;
  }
  if (tops.length === 0) throw notFound('组织');
  return tops[0]!;
}
