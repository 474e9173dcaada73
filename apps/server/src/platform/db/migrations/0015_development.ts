import { type Kysely, sql } from 'kysely';
import { dialectOf, makeAppendOnly } from '../helpers.js';

/**
 * Member development (issue #5): one file per person in development (一人一档), the steps done with who did
 * them and the documents, and the public notices with their objections. The person is not yet a ledger
 * member, so their ID number and phone are sealed as the ledger seals them (DP-02).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('development')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('org.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_pinyin', 'text', (c) => c.notNull())
    .addColumn('name_initials', 'text', (c) => c.notNull())
    .addColumn('gender', 'text', (c) => c.notNull())
    .addColumn('ethnicity', 'text', (c) => c.notNull())
    .addColumn('birth_date', 'text', (c) => c.notNull())
    .addColumn('id_number_enc', 'text', (c) => c.notNull())
    .addColumn('id_number_index', 'text', (c) => c.notNull())
    .addColumn('id_number_masked', 'text', (c) => c.notNull())
    .addColumn('phone_enc', 'text')
    .addColumn('phone_index', 'text')
    .addColumn('phone_masked', 'text')
    .addColumn('education', 'text', (c) => c.notNull())
    .addColumn('employer_name', 'text')
    .addColumn('position', 'text')
    .addColumn('talent_industry_leader', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('talent_founder', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('talent_key_dept_head', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('last_step', 'integer', (c) => c.notNull())
    .addColumn('applied_on', 'text', (c) => c.notNull())
    // The branch meeting that admitted the person (入党时间) and the day probation ends (with any extension).
    .addColumn('admitted_on', 'text')
    .addColumn('probation_ends_on', 'text')
    .addColumn('extension_months', 'integer')
    .addColumn('extension_reason', 'text')
    // The next deadline (step or review), kept on every write so overdue lists are one index range.
    .addColumn('next_due', 'text')
    .addColumn('member_id', 'text', (c) => c.references('member.id'))
    .addColumn('closed_reason', 'text')
    .addColumn('rules_version', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('development_org_idx').on('development').columns(['org_id', 'status', 'stage']).execute();
  await db.schema.createIndex('development_due_idx').on('development').columns(['status', 'next_due']).execute();
  await db.schema.createIndex('development_member_idx').on('development').column('member_id').execute();
  // One file in progress per person.
  await db.schema
    .createIndex('development_id_number_active')
    .on('development')
    .column('id_number_index')
    .unique()
    .where(sql.ref('status'), '=', 'active')
    .execute();

  await db.schema
    .createTable('development_step')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('development_id', 'text', (c) => c.notNull().references('development.id'))
    .addColumn('step', 'integer', (c) => c.notNull())
    .addColumn('done_on', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text')
    .addColumn('note', 'text')
    // JSON: document references, and the step's own facts (mentors, sponsors, training, vote count).
    .addColumn('documents', 'text', (c) => c.notNull())
    .addColumn('detail', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('development_step_idx').on('development_step').columns(['development_id', 'step']).execute();
  await db.schema.createIndex('development_step_done_idx').on('development_step').columns(['step', 'done_on']).execute();
  await makeAppendOnly(db, dialectOf(db), 'development_step');

  await db.schema
    .createTable('development_notice')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('development_id', 'text', (c) => c.notNull().references('development.id'))
    .addColumn('org_id', 'text', (c) => c.notNull().references('org.id'))
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('starts_on', 'text', (c) => c.notNull())
    .addColumn('ends_on', 'text', (c) => c.notNull())
    .addColumn('working_days', 'integer', (c) => c.notNull())
    .addColumn('scope', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .execute();
  await db.schema.createIndex('development_notice_org_idx').on('development_notice').columns(['org_id', 'ends_on']).execute();
  await db.schema.createIndex('development_notice_person_idx').on('development_notice').column('development_id').execute();
  await makeAppendOnly(db, dialectOf(db), 'development_notice');

  await db.schema
    .createTable('development_objection')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('notice_id', 'text', (c) => c.notNull().references('development_notice.id'))
    .addColumn('received_on', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('finding', 'text')
    .addColumn('upheld', 'integer', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text')
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('development_objection_idx').on('development_objection').column('notice_id').execute();
  await makeAppendOnly(db, dialectOf(db), 'development_objection');
}

export async function down(): Promise<void> {
  throw new Error('0015_development cannot be reverted: restore a backup instead');
}
