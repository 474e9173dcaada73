import { VISIBILITY } from '../../access/access.js';
import type { Ctx } from '../../context.js';
import { presentSummary } from './org.presenter.js';
import { findTopSummaries } from './org.repository.js';

/** The tree's top rows: the orgs the user's grants start from (the root itself for system-wide grants). */
export async function listRoots(ctx: Ctx) {
  const tops = await ctx.access.scopeTops(VISIBILITY);
  if (tops !== null && tops.length === 0) return { items: [] };
  return { items: (await findTopSummaries(ctx.db, tops)).map(presentSummary) };
}
