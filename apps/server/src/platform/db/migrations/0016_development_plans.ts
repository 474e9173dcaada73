import type { Kysely } from 'kysely';
import { dialectOf, makeAppendOnly } from '../helpers.js';

/** Yearly development plans (quota) per org, and the key-talent list's mentors and cultivation records (issue #5). */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('development_plan')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('org.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('quota', 'integer', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .execute();
  await db.schema.createIndex('development_plan_unique').on('development_plan').columns(['org_id', 'year']).unique().execute();

  // A key talent: a ledger member with a talent flag, or a person in development flagged as one.
  await db.schema
    .createTable('key_talent')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('org.id'))
    .addColumn('member_id', 'text', (c) => c.references('member.id'))
    .addColumn('development_id', 'text', (c) => c.references('development.id'))
    .addColumn('mentor_member_id', 'text', (c) => c.references('member.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('key_talent_member_unique').on('key_talent').column('member_id').unique().execute();
  await db.schema.createIndex('key_talent_development_unique').on('key_talent').column('development_id').unique().execute();

  await db.schema
    .createTable('key_talent_record')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('key_talent_id', 'text', (c) => c.notNull().references('key_talent.id'))
    .addColumn('on_date', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text')
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('key_talent_record_idx').on('key_talent_record').columns(['key_talent_id', 'on_date']).execute();
  await makeAppendOnly(db, dialectOf(db), 'key_talent_record');
}

export async function down(): Promise<void> {
  throw new Error('0016_development_plans cannot be reverted: restore a backup instead');
}
