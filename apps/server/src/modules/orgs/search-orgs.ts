import { VISIBILITY } from '../../access/access.js';
import type { Ctx } from '../../context.js';
import { presentSummary } from './org.presenter.js';
import { searchOrgSummaries } from './org.repository.js';

/** Search by name, full pinyin or initials, within what the user may see; each hit with its visible path. */
export async function searchOrgs(ctx: Ctx, q: string) {
  const hits = await searchOrgSummaries(ctx.db, ctx.access, VISIBILITY, q);
  return { items: hits.map((h) => ({ ...presentSummary(h), path: h.path })) };
}
