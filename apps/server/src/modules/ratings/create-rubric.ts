import { type RubricBody, type RubricBodyInput, rubricIssues, rubricTotal } from '@tongxin/contracts';
import type { Ctx } from '../../context.js';
import { beijingDate } from '../../platform/clock.js';
import { lockFor } from '../../platform/db/helpers.js';
import { AppError, forbidden } from '../../platform/http/errors.js';
import { actorOf, insertRubric, listRubricRows } from './rating.repository.js';
import { canEditRubrics } from './rubric-authority.js';

/**
 * POST /api/ratings/rubrics: a city committee admin saves a new rubric version (versions never change: rounds keep
 * the one they opened with). The version name is the date and a sequence number (`2026-12-04-1`).
 */
export async function createRubric(ctx: Ctx, input: RubricBodyInput): Promise<{ version: string }> {
  const body = input as RubricBody;
  const issues = rubricIssues(body);
  if (issues.length > 0) {
    throw new AppError(
      400,
      'validation_failed',
      issues[0]!.message,
      issues.map((i) => ({ path: i.field, message: i.message })),
    );
  }
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const access = ctx.access.in(trx);
    if (!(await canEditRubrics(trx, access))) throw forbidden('只有市级党委管理员可以维护五星创评标准');
    await lockFor(trx, 'rating_rubric');
    const day = beijingDate(now);
    const same = (await listRubricRows(trx)).filter((r) => r.version.startsWith(`${day}-`)).length;
    const version = `${day}-${same + 1}`;
    await insertRubric(trx, { version, body, at: now.toISOString(), by: actorOf(access) });
    await ctx.audit.record(trx, ctx.actor, {
      type: 'rating.rubric_create',
      orgId: null,
      objectType: 'rating_rubric',
      objectId: version,
      detail: { name: body.name, totalPoints: rubricTotal(body) },
    });
    return { version };
  });
}
