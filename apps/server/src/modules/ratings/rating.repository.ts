import {
  DEFAULT_RUBRIC,
  type RatingFacts,
  type RatingScores,
  type RatingStatus,
  type Rubric,
  type RubricBody,
  rubricTotal,
} from '@tongxin/contracts';
import type { Access } from '../../access/access.js';
import type { Db, Trx } from '../../platform/db/connect.js';
import type { RatingRoundTable, RatingTable } from '../../platform/db/types.js';
import { conflict, notFound } from '../../platform/http/errors.js';

/** The org kinds rated in a round: every branch (a party group is not rated on its own). */
export const RATED_KINDS = ['branch', 'joint_branch', 'general_branch'] as const;

export const actorOf = (access: Access) => ({ id: access.user!.id, name: access.user!.displayName });

/** The built-in rubrics (contracts) by version. */
const BUILT_IN = new Map<string, Rubric>([[DEFAULT_RUBRIC.version, DEFAULT_RUBRIC]]);
export const isBuiltIn = (version: string) => BUILT_IN.has(version);

export async function loadRubric(db: Db | Trx, version: string): Promise<Rubric | null> {
  const built = BUILT_IN.get(version);
  if (built) return built;
  const row = await db.selectFrom('rating_rubric').selectAll().where('version', '=', version).executeTakeFirst();
  return row ? { ...(JSON.parse(row.body) as RubricBody), version: row.version } : null;
}

export async function listRubricRows(db: Db | Trx) {
  const rows = await db.selectFrom('rating_rubric').selectAll().orderBy('created_at', 'desc').execute();
  return [
    ...[...BUILT_IN.values()].map(({ version, ...body }) => ({
      version,
      name: body.name,
      totalPoints: rubricTotal(body),
      builtIn: true,
      createdAt: null,
      createdByName: null,
      body: body as RubricBody,
    })),
    ...rows.map((r) => ({
      version: r.version,
      name: r.name,
      totalPoints: Number(r.total_points),
      builtIn: false,
      createdAt: r.created_at,
      createdByName: r.created_by_name,
      body: JSON.parse(r.body) as RubricBody,
    })),
  ];
}

export async function insertRubric(
  trx: Trx,
  row: { version: string; body: RubricBody; at: string; by: { id: string; name: string } },
) {
  await trx
    .insertInto('rating_rubric')
    .values({
      version: row.version,
      name: row.body.name,
      body: JSON.stringify(row.body),
      total_points: rubricTotal(row.body),
      created_at: row.at,
      created_by: row.by.id,
      created_by_name: row.by.name,
    })
    .execute();
}

export type RoundRow = RatingRoundTable & { org_name: string };

export async function findRound(db: Db | Trx, id: string): Promise<RoundRow | undefined> {
  return db
    .selectFrom('rating_round')
    .innerJoin('org', 'org.id', 'rating_round.org_id')
    .selectAll('rating_round')
    .select('org.name as org_name')
    .where('rating_round.id', '=', id)
    .executeTakeFirst();
}

export async function roundExists(trx: Trx, orgId: string, year: number): Promise<boolean> {
  const r = await trx
    .selectFrom('rating_round')
    .select('id')
    .where('org_id', '=', orgId)
    .where('year', '=', year)
    .executeTakeFirst();
  return Boolean(r);
}

export async function insertRound(trx: Trx, row: RatingRoundTable) {
  await trx.insertInto('rating_round').values(row).execute();
}

/** The active branches of a subtree, to be rated in a round. */
export async function branchesUnder(trx: Trx, orgId: string) {
  return trx
    .selectFrom('org')
    .innerJoin('org_closure as c', 'c.descendant_id', 'org.id')
    .select(['org.id', 'org.name'])
    .where('c.ancestor_id', '=', orgId)
    .where('org.kind', 'in', RATED_KINDS)
    .where('org.status', '=', 'active')
    .orderBy('org.name_pinyin')
    .execute();
}

export async function insertRatings(trx: Trx, roundId: string, orgIds: readonly { id: string; ratingId: string }[]) {
  for (let i = 0; i < orgIds.length; i += 200) {
    await trx
      .insertInto('rating')
      .values(
        orgIds.slice(i, i + 200).map((o) => ({
          id: o.ratingId,
          round_id: roundId,
          org_id: o.id,
          status: 'draft' as const,
          facts: null,
          facts_at: null,
          self_scores: null,
          self_total: null,
          self_stars: null,
          summary: null,
          evidence: null,
          submitted_at: null,
          submitted_by: null,
          submitted_by_name: null,
          review_scores: null,
          review_reasons: null,
          review_total: null,
          review_stars: null,
          review_opinion: null,
          reviewed_at: null,
          reviewed_by: null,
          reviewed_by_name: null,
          final_stars: null,
          capped_by: null,
          approve_opinion: null,
          approved_at: null,
          approved_by: null,
          approved_by_name: null,
          version: 1,
        })),
      )
      .execute();
  }
}

export type RatingRow = RatingTable & { org_name: string; parent_id: string | null; parent_name: string | null };

const ratingSelect = (db: Db | Trx) =>
  db
    .selectFrom('rating')
    .innerJoin('org', 'org.id', 'rating.org_id')
    .leftJoin('org as p', 'p.id', 'org.parent_id')
    .selectAll('rating')
    .select(['org.name as org_name', 'org.parent_id as parent_id', 'p.name as parent_name']);

export async function findRating(db: Db | Trx, id: string): Promise<RatingRow | undefined> {
  return ratingSelect(db).where('rating.id', '=', id).executeTakeFirst();
}

/** A round's ratings that the user may read (rating.read at the branch), by branch name. */
export async function ratingsOfRound(db: Db | Trx, access: Access, roundId: string): Promise<RatingRow[]> {
  return ratingSelect(db)
    .where('rating.round_id', '=', roundId)
    .where(access.scope('rating.read', 'rating.org_id'))
    .orderBy('org.name_pinyin')
    .orderBy('rating.id')
    .execute();
}

/** Every rating of a round, for round-wide rules (quotas, starting 公示, publishing); no scope. */
export async function allRatingsOfRound(trx: Trx, roundId: string) {
  return trx.selectFrom('rating').select(['id', 'org_id', 'status', 'final_stars']).where('round_id', '=', roundId).execute();
}

export async function statusCounts(db: Db | Trx, roundIds: readonly string[]) {
  const out = new Map<string, Record<RatingStatus, number>>();
  for (const id of roundIds) out.set(id, { draft: 0, submitted: 0, reviewed: 0, approved: 0, published: 0 });
  if (roundIds.length === 0) return out;
  const rows = await db
    .selectFrom('rating')
    .select(['round_id', 'status', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('round_id', 'in', roundIds)
    .groupBy(['round_id', 'status'])
    .execute();
  for (const r of rows) out.get(r.round_id)![r.status] = Number(r.n);
  return out;
}

/** Updates a rating on the version the caller read; a stale version is a conflict (someone else changed it). */
export async function updateRating(trx: Trx, id: string, version: number, values: Partial<RatingTable>) {
  const res = await trx
    .updateTable('rating')
    .set({ ...values, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) throw conflict('该评定已被他人修改，请刷新后重试');
}

export async function objectionsOf(db: Db | Trx, ratingIds: readonly string[]) {
  if (ratingIds.length === 0) return [];
  return db.selectFrom('rating_objection').selectAll().where('rating_id', 'in', ratingIds).orderBy('raised_at').execute();
}

export const parseJson = <T>(text: string | null): T | null => (text === null ? null : (JSON.parse(text) as T));
export const scoresOf = (text: string | null) => parseJson<RatingScores>(text);
export const factsOf = (text: string | null) => parseJson<RatingFacts>(text);

/** Loads a rating for a permission at its branch (404 invisible, 403 not allowed), with its round. */
export async function loadRating(db: Db | Trx, access: Access, id: string, permission: 'rating.read' | 'rating.self') {
  const rating = await findRating(db, id);
  if (!rating) throw notFound('评定');
  await access.authorize(permission, rating.org_id, '评定');
  const round = (await findRound(db, rating.round_id))!;
  return { rating, round };
}

/** The published star levels of orgs, newest first. */
export async function starsOf(db: Db | Trx, orgIds: readonly string[]) {
  if (orgIds.length === 0) return [];
  return db
    .selectFrom('org_star')
    .innerJoin('rating', 'rating.id', 'org_star.rating_id')
    .innerJoin('rating_round', 'rating_round.id', 'rating.round_id')
    .select([
      'org_star.org_id',
      'org_star.stars',
      'org_star.valid_from',
      'org_star.valid_until',
      'org_star.published_at',
      'rating_round.title as round_title',
    ])
    .where('org_star.org_id', 'in', orgIds)
    .orderBy('org_star.valid_from', 'desc')
    .orderBy('org_star.published_at', 'desc')
    .execute();
}
