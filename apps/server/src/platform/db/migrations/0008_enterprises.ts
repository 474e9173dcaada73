import { type Kysely, sql } from 'kysely';

/**
 * The enterprise registry (issue #6): internet enterprises of the city, which Party organisation covers each
 * ("两个覆盖"), the enterprise-contact accounts that act for one, and the Party-building instructors (党建指导员)
 * assigned to them with their work log.
 *
 * `member.enterprise_id` (0002) stays without a foreign key: SQLite cannot add one to an existing column without
 * rebuilding the member table and its triggers. It gets an index here, since coverage counts members per enterprise.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('enterprise')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_pinyin', 'text', (c) => c.notNull())
    .addColumn('name_initials', 'text', (c) => c.notNull())
    // 统一社会信用代码 (GB 32100-2015), 18 characters, upper case, check character verified.
    .addColumn('credit_code', 'text', (c) => c.notNull())
    // The committees it sits under: its district, its park (if any), and the lowest of the two (scope root).
    .addColumn('district_org_id', 'text', (c) => c.references('org.id'))
    .addColumn('park_org_id', 'text', (c) => c.references('org.id'))
    .addColumn('area_org_id', 'text', (c) => c.notNull().references('org.id'))
    .addColumn('address', 'text')
    .addColumn('main_business', 'text')
    .addColumn('employee_count', 'integer')
    .addColumn('founded_on', 'text')
    .addColumn('legal_representative', 'text')
    .addColumn('contact_name', 'text')
    .addColumn('has_fixed_premises', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('operating_status', 'text', (c) => c.notNull())
    // The Party organisation that covers it (its own branch, or a joint branch), and which of the two.
    .addColumn('covering_org_id', 'text', (c) => c.references('org.id'))
    .addColumn('coverage_kind', 'text', (c) => c.notNull().defaultTo('none'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('archived_at', 'text')
    .addColumn('archive_reason', 'text')
    .execute();
  // A code names one legal entity for good: an archived enterprise is restored, not registered again.
  await db.schema.createIndex('enterprise_credit_code_unique').on('enterprise').column('credit_code').unique().execute();
  await db.schema.createIndex('enterprise_area_idx').on('enterprise').columns(['area_org_id', 'archived_at']).execute();
  await db.schema.createIndex('enterprise_covering_idx').on('enterprise').columns(['covering_org_id']).execute();
  await db.schema
    .createIndex('enterprise_active_pinyin_idx')
    .on('enterprise')
    .columns(['name_pinyin', 'id'])
    .where(sql.ref('archived_at'), 'is', null)
    .execute();
  await db.schema.createIndex('enterprise_initials_idx').on('enterprise').columns(['name_initials']).execute();

  await db.schema
    .createTable('enterprise_contact')
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprise.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('app_user.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addPrimaryKeyConstraint('enterprise_contact_pk', ['enterprise_id', 'user_id'])
    .execute();
  await db.schema.createIndex('enterprise_contact_user_idx').on('enterprise_contact').columns(['user_id']).execute();

  await db.schema
    .createTable('instructor_assignment')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprise.id'))
    .addColumn('instructor_id', 'text', (c) => c.notNull().references('app_user.id'))
    .addColumn('starts_on', 'text', (c) => c.notNull())
    // Last day of the assignment (inclusive); null while open-ended.
    .addColumn('ends_on', 'text')
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('instructor_assignment_enterprise_idx')
    .on('instructor_assignment')
    .columns(['enterprise_id', 'starts_on'])
    .execute();
  await db.schema
    .createIndex('instructor_assignment_instructor_idx')
    .on('instructor_assignment')
    .columns(['instructor_id', 'starts_on'])
    .execute();

  await db.schema
    .createTable('instructor_log')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprise.id'))
    .addColumn('instructor_id', 'text', (c) => c.notNull().references('app_user.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('on_date', 'text', (c) => c.notNull())
    .addColumn('notes', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('instructor_log_enterprise_idx')
    .on('instructor_log')
    .columns(['enterprise_id', 'on_date'])
    .execute();
  await db.schema
    .createIndex('instructor_log_instructor_idx')
    .on('instructor_log')
    .columns(['instructor_id', 'on_date'])
    .execute();

  await db.schema.createIndex('member_enterprise_idx').on('member').columns(['enterprise_id', 'status']).execute();
}

export async function down(): Promise<void> {
  throw new Error('0008_enterprises cannot be reverted: restore a backup instead');
}
