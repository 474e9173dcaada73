import type { StarMapResponse } from '@tongxin/contracts';
import type { Ctx } from '../../context.js';
import { beijingDate } from '../../platform/clock.js';
import { RATED_KINDS, starsOf } from './rating.repository.js';

/**
 * GET /api/ratings/star-map?orgId= — the star levels in force across a subtree, with its showcases (示范点) and
 * incubated branches (孵化): the source case's figures (rated, at four stars or more, incubated, showcases) are
 * these counts.
 */
export async function starMap(ctx: Ctx, orgId: string): Promise<StarMapResponse> {
  const access = ctx.access;
  await access.authorize('rating.read', orgId, '党组织');
  const today = beijingDate(ctx.clock.now());
  const org = await ctx.db.selectFrom('org').select('name').where('id', '=', orgId).executeTakeFirstOrThrow();
  const branches = await ctx.db
    .selectFrom('org')
    .innerJoin('org_closure as c', 'c.descendant_id', 'org.id')
    .leftJoin('org as p', 'p.id', 'org.parent_id')
    .select(['org.id', 'org.name', 'p.name as parent_name'])
    .where('c.ancestor_id', '=', orgId)
    .where('org.kind', 'in', RATED_KINDS)
    .where('org.status', '=', 'active')
    .where(access.scope('rating.read', 'org.id'))
    .orderBy('org.name_pinyin')
    .execute();
  const ids = branches.map((b) => b.id);
  const stars = new Map<string, { stars: number; until: string }>();
  for (const s of await starsOf(ctx.db, ids)) {
    if (s.valid_from <= today && today <= s.valid_until && !stars.has(s.org_id))
      stars.set(s.org_id, { stars: Number(s.stars), until: s.valid_until });
  }
  const cases = ids.length
    ? await ctx.db
        .selectFrom('showcase')
        .select(['org_id', 'kind'])
        .where('org_id', 'in', ids)
        .where('status', '!=', 'ended')
        .execute()
    : [];
  const showcase = new Set(cases.filter((c) => c.kind === 'showcase').map((c) => c.org_id));
  const incubation = new Set(cases.filter((c) => c.kind === 'incubation').map((c) => c.org_id));
  const byStars: Record<string, number> = { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 };
  for (const s of stars.values()) byStars[String(s.stars)] = (byStars[String(s.stars)] ?? 0) + 1;
  return {
    orgId,
    orgName: org.name,
    rated: stars.size,
    atLeastFour: [...stars.values()].filter((s) => s.stars >= 4).length,
    byStars,
    showcases: showcase.size,
    incubations: incubation.size,
    branches: branches.map((b) => ({
      orgId: b.id,
      orgName: b.name,
      parentName: b.parent_name,
      stars: stars.get(b.id)?.stars ?? null,
      validUntil: stars.get(b.id)?.until ?? null,
      showcase: showcase.has(b.id),
      incubation: incubation.has(b.id),
    })),
  };
}
