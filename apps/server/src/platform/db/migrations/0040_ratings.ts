import type { Kysely } from 'kysely';

/**
 * Five-star rating (五星创评), issue #16: rubric versions (the built-in default lives in contracts; versions the
 * city writes are rows here and never change, since rounds keep the version they opened with), rounds, one
 * rating per branch of the round's subtree, objections during 公示, the published star levels (each org's
 * history), and showcase / incubation records with their progress notes.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('rating_rubric')
    .addColumn('version', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('total_points', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_by_name', 'text')
    .execute();

  await db.schema
    .createTable('rating_round')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('org.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('rubric_version', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('self_from', 'text', (c) => c.notNull())
    .addColumn('self_until', 'text', (c) => c.notNull())
    .addColumn('notice_from', 'text')
    .addColumn('notice_until', 'text')
    .addColumn('published_at', 'text')
    .addColumn('opened_at', 'text', (c) => c.notNull())
    .addColumn('opened_by', 'text')
    .addColumn('opened_by_name', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('rating_round_org_idx').on('rating_round').columns(['org_id', 'year']).execute();

  await db.schema
    .createTable('rating')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('round_id', 'text', (c) => c.notNull().references('rating_round.id'))
    .addColumn('org_id', 'text', (c) => c.notNull().references('org.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('facts', 'text')
    .addColumn('facts_at', 'text')
    .addColumn('self_scores', 'text')
    .addColumn('self_total', 'integer')
    .addColumn('self_stars', 'integer')
    .addColumn('summary', 'text')
    .addColumn('evidence', 'text')
    .addColumn('submitted_at', 'text')
    .addColumn('submitted_by', 'text')
    .addColumn('submitted_by_name', 'text')
    .addColumn('review_scores', 'text')
    .addColumn('review_reasons', 'text')
    .addColumn('review_total', 'integer')
    .addColumn('review_stars', 'integer')
    .addColumn('review_opinion', 'text')
    .addColumn('reviewed_at', 'text')
    .addColumn('reviewed_by', 'text')
    .addColumn('reviewed_by_name', 'text')
    .addColumn('final_stars', 'integer')
    .addColumn('capped_by', 'text')
    .addColumn('approve_opinion', 'text')
    .addColumn('approved_at', 'text')
    .addColumn('approved_by', 'text')
    .addColumn('approved_by_name', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('rating_round_org').on('rating').columns(['round_id', 'org_id']).unique().execute();
  await db.schema.createIndex('rating_org_idx').on('rating').columns(['org_id']).execute();

  await db.schema
    .createTable('rating_objection')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('rating_id', 'text', (c) => c.notNull().references('rating.id'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('raised_at', 'text', (c) => c.notNull())
    .addColumn('raised_by', 'text')
    .addColumn('raised_by_name', 'text')
    .addColumn('resolution', 'text')
    .addColumn('upheld', 'integer')
    .addColumn('resolved_at', 'text')
    .addColumn('resolved_by', 'text')
    .addColumn('resolved_by_name', 'text')
    .execute();
  await db.schema.createIndex('rating_objection_rating_idx').on('rating_objection').columns(['rating_id']).execute();

  await db.schema
    .createTable('org_star')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('org.id'))
    .addColumn('rating_id', 'text', (c) => c.notNull().references('rating.id'))
    .addColumn('stars', 'integer', (c) => c.notNull())
    .addColumn('valid_from', 'text', (c) => c.notNull())
    .addColumn('valid_until', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('org_star_org_idx').on('org_star').columns(['org_id', 'valid_from']).execute();

  await db.schema
    .createTable('showcase')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('org.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('mentor_name', 'text', (c) => c.notNull())
    .addColumn('mentor_org_id', 'text', (c) => c.references('org.id'))
    .addColumn('target_stars', 'integer')
    .addColumn('targets', 'text', (c) => c.notNull())
    .addColumn('started_on', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('percent', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by_name', 'text')
    .execute();
  await db.schema.createIndex('showcase_org_idx').on('showcase').columns(['org_id', 'kind']).execute();

  await db.schema
    .createTable('showcase_progress')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('showcase_id', 'text', (c) => c.notNull().references('showcase.id'))
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('percent', 'integer', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text')
    .addColumn('recorded_by_name', 'text')
    .execute();
  await db.schema.createIndex('showcase_progress_idx').on('showcase_progress').columns(['showcase_id']).execute();
}

export async function down(): Promise<void> {
  throw new Error('0040_ratings cannot be reverted: restore a backup instead');
}
