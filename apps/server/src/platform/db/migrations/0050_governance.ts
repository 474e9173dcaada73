import type { Kysely } from 'kysely';

/**
 * Online governance (网络空间治理, issue #17): self-discipline pledges and their signatures, the red media matrix,
 * hot events with official releases and relay tasks, and the rumour-rebuttal library with submitted reports.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('pledge')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // The committee that publishes it; enterprises whose area lies under it are asked to sign.
    .addColumn('org_id', 'text', (c) => c.notNull().references('org.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('issuer_kind', 'text', (c) => c.notNull())
    .addColumn('issuer_name', 'text', (c) => c.notNull())
    .addColumn('current_version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('app_user.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('pledge_org_idx').on('pledge').columns(['org_id', 'created_at']).execute();

  await db.schema
    .createTable('pledge_version')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('pledge_id', 'text', (c) => c.notNull().references('pledge.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addColumn('published_by', 'text', (c) => c.references('app_user.id'))
    .addColumn('published_by_name', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('pledge_version_uq').on('pledge_version').columns(['pledge_id', 'version']).unique().execute();

  await db.schema
    .createTable('pledge_signature')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('pledge_id', 'text', (c) => c.notNull().references('pledge.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprise.id'))
    .addColumn('signed_at', 'text', (c) => c.notNull())
    .addColumn('signed_by', 'text', (c) => c.references('app_user.id'))
    .addColumn('signed_by_name', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('pledge_signature_uq')
    .on('pledge_signature')
    .columns(['pledge_id', 'enterprise_id', 'version'])
    .unique()
    .execute();

  await db.schema
    .createTable('media_account')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('handle', 'text', (c) => c.notNull())
    .addColumn('owner_kind', 'text', (c) => c.notNull())
    .addColumn('enterprise_id', 'text', (c) => c.references('enterprise.id'))
    .addColumn('owner_org_id', 'text', (c) => c.references('org.id'))
    // The committee area the account belongs to (the enterprise's area, or the owning org): scope and district filter.
    .addColumn('area_org_id', 'text', (c) => c.notNull().references('org.id'))
    .addColumn('operator_name', 'text', (c) => c.notNull())
    .addColumn('follower_band', 'text', (c) => c.notNull())
    .addColumn('verification', 'text', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('app_user.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('media_account_area_idx').on('media_account').columns(['area_org_id', 'platform']).execute();
  await db.schema.createIndex('media_account_enterprise_idx').on('media_account').columns(['enterprise_id']).execute();
  await db.schema.createIndex('media_account_handle_uq').on('media_account').columns(['platform', 'handle']).unique().execute();

  await db.schema
    .createTable('hot_event')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('org.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('app_user.id'))
    .execute();
  await db.schema.createIndex('hot_event_org_idx').on('hot_event').columns(['org_id', 'created_at']).execute();

  await db.schema
    .createTable('official_release')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('event_id', 'text', (c) => c.notNull().references('hot_event.id'))
    .addColumn('org_id', 'text', (c) => c.notNull().references('org.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('link', 'text')
    .addColumn('authority', 'text', (c) => c.notNull())
    .addColumn('deadline_at', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addColumn('published_by', 'text', (c) => c.references('app_user.id'))
    .addColumn('published_by_name', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('official_release_event_idx')
    .on('official_release')
    .columns(['event_id', 'published_at'])
    .execute();

  await db.schema
    .createTable('relay_task')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('release_id', 'text', (c) => c.notNull().references('official_release.id'))
    // The publishing committee (the committee's view is scoped by it).
    .addColumn('org_id', 'text', (c) => c.notNull().references('org.id'))
    .addColumn('target_kind', 'text', (c) => c.notNull())
    .addColumn('enterprise_id', 'text', (c) => c.references('enterprise.id'))
    .addColumn('target_org_id', 'text', (c) => c.references('org.id'))
    .addColumn('media_account_id', 'text', (c) => c.references('media_account.id'))
    .addColumn('target_name', 'text', (c) => c.notNull())
    .addColumn('deadline_at', 'text', (c) => c.notNull())
    .addColumn('reported_at', 'text')
    .addColumn('reported_by', 'text', (c) => c.references('app_user.id'))
    .addColumn('reported_by_name', 'text')
    .addColumn('relay_url', 'text')
    .addColumn('note', 'text')
    .addColumn('late', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('relay_task_release_idx').on('relay_task').columns(['release_id', 'target_name']).execute();
  await db.schema.createIndex('relay_task_enterprise_idx').on('relay_task').columns(['enterprise_id', 'deadline_at']).execute();
  await db.schema.createIndex('relay_task_target_org_idx').on('relay_task').columns(['target_org_id', 'deadline_at']).execute();

  await db.schema
    .createTable('rebuttal')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('org.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('title_pinyin', 'text', (c) => c.notNull())
    .addColumn('title_initials', 'text', (c) => c.notNull())
    .addColumn('claim', 'text', (c) => c.notNull())
    .addColumn('truth', 'text', (c) => c.notNull())
    .addColumn('source_name', 'text', (c) => c.notNull())
    .addColumn('source_url', 'text')
    .addColumn('published_on', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('app_user.id'))
    .execute();
  await db.schema.createIndex('rebuttal_published_idx').on('rebuttal').columns(['published_on', 'id']).execute();

  await db.schema
    .createTable('rumour_report')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // The organisation the submitter reports from: the committees above it answer.
    .addColumn('org_id', 'text', (c) => c.notNull().references('org.id'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('url', 'text')
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addColumn('submitted_by', 'text', (c) => c.notNull().references('app_user.id'))
    .addColumn('submitted_by_name', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('verdict', 'text')
    .addColumn('answer', 'text')
    .addColumn('rebuttal_id', 'text', (c) => c.references('rebuttal.id'))
    .addColumn('official_url', 'text')
    .addColumn('answered_at', 'text')
    .addColumn('answered_by', 'text', (c) => c.references('app_user.id'))
    .addColumn('answered_by_name', 'text')
    .execute();
  await db.schema
    .createIndex('rumour_report_org_idx')
    .on('rumour_report')
    .columns(['org_id', 'status', 'submitted_at'])
    .execute();
  await db.schema.createIndex('rumour_report_user_idx').on('rumour_report').columns(['submitted_by', 'submitted_at']).execute();
}

export async function down(): Promise<void> {
  throw new Error('0050_governance cannot be reverted: restore a backup instead');
}
