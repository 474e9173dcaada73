import { MEMBER_ORG_KINDS } from '@tongxin/contracts';
import type { Ctx } from '../../context.js';
import { like } from '../../platform/db/helpers.js';

/**
 * The destination directory: active orgs that keep members, found by name, full pinyin or initials, anywhere
 * in the city, for a user who holds transfer.manage somewhere.
 *
 * Why this is not a scope leak (AZ-03): a sender must address a letter to an org it cannot otherwise see, as on
 * the paper letter. The directory answers like a phone book: only each org's id, its name and its district's
 * name, and only for the kinds a member can belong to. No members, counts, committees, people or tree
 * structure; the id opens nothing (every org route still checks org.read), and a transfer's receiving side acts
 * on its own permission. The names of the city's Party organisations are not secret within the system.
 */
export async function transferDestinations(ctx: Ctx, q: string) {
  ctx.access.requireAnywhere('transfer.manage');
  const text = q.toLowerCase();
  const rows = await ctx.db
    .selectFrom('org')
    .select(['org.id', 'org.name'])
    .where('org.status', '=', 'active')
    .where('org.kind', 'in', [...MEMBER_ORG_KINDS])
    .where((eb) => eb.or([like('org.name', q), like('org.name_initials', text), like('org.name_pinyin', text)]))
    .orderBy('org.name_pinyin')
    .orderBy('org.id')
    .limit(20)
    .execute();
  if (rows.length === 0) return { items: [] };
  const districts = await ctx.db
    .selectFrom('org_closure')
    .innerJoin('org', 'org.id', 'org_closure.ancestor_id')
    .select(['org_closure.descendant_id', 'org.name'])
    .where(
      'org_closure.descendant_id',
      'in',
      rows.map((r) => r.id),
    )
    .where('org.kind', '=', 'committee')
    .where('org.level', '=', 'district')
    .execute();
  const districtOf = new Map(districts.map((d) => [d.descendant_id, d.name]));
  return { items: rows.map((r) => ({ id: r.id, name: r.name, districtName: districtOf.get(r.id) ?? null })) };
}
