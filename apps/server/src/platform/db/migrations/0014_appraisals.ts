import { type Kysely, sql } from 'kysely';

/**
 * Democratic appraisal of members (issue #4 point 4): one appraisal per branch and year, one entry per member
 * taking part. The entry keeps the member's name and status as they were when the appraisal opened (a
 * probationary member takes part without a grade). Closing writes each result to the member's timeline
 * (member_history), which is the lasting record.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('appraisal')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('org.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('opened_at', 'text', (c) => c.notNull())
    .addColumn('opened_by', 'text')
    .addColumn('opened_by_name', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('closed_by', 'text')
    .addColumn('closed_by_name', 'text')
    .execute();
  await db.schema.createIndex('appraisal_org_year').on('appraisal').columns(['org_id', 'year']).unique().execute();
  await db.schema
    .createIndex('appraisal_open_idx')
    .on('appraisal')
    .columns(['status', 'year'])
    .where(sql.ref('status'), '=', 'open')
    .execute();

  await db.schema
    .createTable('appraisal_entry')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('appraisal_id', 'text', (c) => c.notNull().references('appraisal.id'))
    .addColumn('member_id', 'text', (c) => c.notNull().references('member.id'))
    .addColumn('member_name', 'text', (c) => c.notNull())
    .addColumn('member_status', 'text', (c) => c.notNull())
    .addColumn('self_assessment', 'text')
    .addColumn('mutual_excellent', 'integer')
    .addColumn('mutual_qualified', 'integer')
    .addColumn('mutual_basically_qualified', 'integer')
    .addColumn('mutual_unqualified', 'integer')
    .addColumn('committee_opinion', 'text')
    .addColumn('grade', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'text')
    .addColumn('updated_by_name', 'text')
    .execute();
  await db.schema
    .createIndex('appraisal_entry_member')
    .on('appraisal_entry')
    .columns(['appraisal_id', 'member_id'])
    .unique()
    .execute();
  await db.schema.createIndex('appraisal_entry_member_idx').on('appraisal_entry').columns(['member_id']).execute();
}

export async function down(): Promise<void> {
  throw new Error('0014_appraisals cannot be reverted: restore a backup instead');
}
