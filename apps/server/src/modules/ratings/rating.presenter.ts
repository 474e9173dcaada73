import type { RatingStatus, RatingSummary, RoundSummary } from '@tongxin/contracts';
import type { RatingRow, RoundRow } from './rating.repository.js';
import { scoresOf } from './rating.repository.js';

export function presentRound(row: RoundRow, rubricName: string, counts: Record<RatingStatus, number>): RoundSummary {
  return {
    id: row.id,
    orgId: row.org_id,
    orgName: row.org_name,
    title: row.title,
    year: Number(row.year),
    rubricVersion: row.rubric_version,
    rubricName,
    status: row.status,
    selfFrom: row.self_from,
    selfUntil: row.self_until,
    noticeFrom: row.notice_from,
    noticeUntil: row.notice_until,
    publishedAt: row.published_at,
    counts,
  };
}

export function presentRatingSummary(
  row: RatingRow,
  openObjections: number,
  abilities: RatingSummary['abilities'],
): RatingSummary {
  return {
    id: row.id,
    orgId: row.org_id,
    orgName: row.org_name,
    parentName: row.parent_name,
    status: row.status,
    selfTotal: row.self_total === null ? null : Number(row.self_total),
    selfStars: row.self_stars === null ? null : Number(row.self_stars),
    reviewTotal: row.review_total === null ? null : Number(row.review_total),
    reviewStars: row.review_stars === null ? null : Number(row.review_stars),
    finalStars: row.final_stars === null ? null : Number(row.final_stars),
    openObjections,
    abilities,
  };
}

export const presentScores = (text: string | null) => scoresOf(text);
