import { VISIBILITY } from '../../access/access.js';
import type { Ctx } from '../../context.js';
import { notFound } from '../../platform/http/errors.js';
import { presentSummary } from './org.presenter.js';
import { findChildSummaries } from './org.repository.js';

/** The children of a visible org that the user may see. */
export async function listChildren(ctx: Ctx, parentId: string) {
  if (!(await ctx.access.canSee(parentId))) throw notFound('组织');
  return { items: (await findChildSummaries(ctx.db, ctx.access, VISIBILITY, parentId)).map(presentSummary) };
}
