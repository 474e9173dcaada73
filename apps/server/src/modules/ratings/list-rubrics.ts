import type { RubricDetail } from '@tongxin/contracts';
import type { Ctx } from '../../context.js';
import { notFound } from '../../platform/http/errors.js';
import { listRubricRows } from './rating.repository.js';
import { canEditRubrics } from './rubric-authority.js';

/** GET /api/ratings/rubrics: every rubric version (the built-in default first), and whether the user may add one. */
export async function listRubrics(ctx: Ctx) {
  ctx.access.requireAnywhere('rating.read');
  const rows = await listRubricRows(ctx.db);
  return {
    items: rows.map(({ body: _body, ...r }) => r),
    abilities: { create: await canEditRubrics(ctx.db, ctx.access) },
  };
}

/** GET /api/ratings/rubrics/:version: one version in full. */
export async function getRubric(ctx: Ctx, version: string): Promise<RubricDetail> {
  ctx.access.requireAnywhere('rating.read');
  const found = (await listRubricRows(ctx.db)).find((r) => r.version === version);
  if (!found) throw notFound('评定标准');
  return found;
}
