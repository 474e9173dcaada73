import { type RatingScores, type SelfRateBody, scoreIssues, scoreRating } from '@tongxin/contracts';
import type { Ctx } from '../../context.js';
import { beijingDate } from '../../platform/clock.js';
import { lockFor } from '../../platform/db/helpers.js';
import { removeStored } from '../../platform/files/store.js';
import { AppError, conflict, invalid } from '../../platform/http/errors.js';
import { setOwnerAttachments } from '../attachments/attachment.repository.js';
import { actorOf, loadRating, loadRubric, updateRating } from './rating.repository.js';
import { RATING_ATTACHMENTS } from './rating-attachments.js';
import { ratingFacts } from './rating-facts.js';

/** Refuses with every issue, the first as the message (each names its rule). */
export function refuse(issues: { field: string; message: string }[]): never {
  throw new AppError(
    400,
    'validation_failed',
    issues[0]!.message,
    issues.map((i) => ({ path: i.field, message: i.message })),
  );
}

/** Keys the evidence map may use: the rubric's indicators and bonus items. */
function checkEvidenceKeys(keys: string[], allowed: Set<string>) {
  for (const k of keys) if (!allowed.has(k)) throw invalid('evidence', '佐证材料对应的指标不存在');
}

/**
 * PUT /api/ratings/:id/self — the branch saves or submits its self-rating with evidence, inside the round's window.
 * Saving checks ranges; submitting also needs every indicator scored and the evidence the rubric requires. The
 * facts from the platform's data are snapshotted at submission. All in one transaction: nothing half-saved.
 */
export async function selfRate(ctx: Ctx, id: string, body: SelfRateBody) {
  const now = ctx.clock.now();
  const today = beijingDate(now);
  const pre = await loadRating(ctx.db, ctx.access, id, 'rating.self');
  const facts = body.submit ? await ratingFacts(ctx, pre.rating.org_id) : null;
  let removed: string[] = [];
  await ctx.db.transaction().execute(async (trx) => {
    const access = ctx.access.in(trx);
    await lockFor(trx, `rating:${id}`);
    const { rating, round } = await loadRating(trx, access, id, 'rating.self');
    if (round.status !== 'open') throw conflict('本轮五星创评已进入公示，不能再修改自评');
    if (today < round.self_from || today > round.self_until)
      throw invalid('submit', `不在自评时间内：本轮自评时间为${round.self_from}至${round.self_until}`);
    if (rating.status !== 'draft') throw conflict('自评已提交，等待审核，不能再修改');
    const rubric = (await loadRubric(trx, round.rubric_version))!;
    const allowed = new Set([
      ...rubric.dimensions.flatMap((d) => d.indicators.map((i) => i.key)),
      ...rubric.bonus.map((b) => b.key),
    ]);
    checkEvidenceKeys(Object.keys(body.evidence), allowed);
    const evidenceCount = Object.fromEntries(Object.entries(body.evidence).map(([k, ids]) => [k, ids.length]));
    const scores: RatingScores = body.scores;
    const issues = scoreIssues(rubric, scores, evidenceCount).filter((i) => body.submit || i.rule === 'range');
    if (issues.length > 0) refuse(issues);
    const files = await setOwnerAttachments(trx, {
      ownerKind: RATING_ATTACHMENTS.kind,
      ownerId: id,
      orgId: rating.org_id,
      userId: access.user!.id,
      ids: Object.values(body.evidence).flat(),
      now: now.toISOString(),
    });
    removed = files.removed;
    const result = scoreRating(rubric, scores);
    const actor = actorOf(access);
    await updateRating(trx, id, body.version, {
      self_scores: JSON.stringify(scores),
      self_total: result.total,
      self_stars: result.stars,
      summary: body.summary?.trim() || null,
      evidence: JSON.stringify(body.evidence),
      ...(body.submit
        ? {
            status: 'submitted' as const,
            facts: JSON.stringify(facts),
            facts_at: now.toISOString(),
            submitted_at: now.toISOString(),
            submitted_by: actor.id,
            submitted_by_name: actor.name,
          }
        : {}),
    });
    await ctx.audit.record(trx, ctx.actor, {
      type: 'rating.self_save',
      orgId: rating.org_id,
      objectType: 'rating',
      objectId: id,
      detail: { submitted: body.submit, total: result.total, stars: result.stars, files: files.claimed },
    });
  });
  await removeStored(ctx.config.dataDir, removed);
  return { ok: true as const };
}
