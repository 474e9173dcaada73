import type { Kysely } from 'kysely';

/**
 * Organisational life (issue #4 points 1–3): meeting records with their attendees and resolutions, the city's
 * frequency overrides, and a per-(branch, kind, year) rollup of the months with meetings that the use cases
 * keep true, so the compliance grid of a whole city is one read of at most branches × kinds rows.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('meeting')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // The org that met: a branch, or a party group for a group meeting.
    .addColumn('org_id', 'text', (c) => c.notNull().references('org.id'))
    // The branch the meeting counts for in compliance (the group's branch for a group meeting).
    .addColumn('branch_id', 'text', (c) => c.notNull().references('org.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('starts_at', 'text', (c) => c.notNull())
    // Beijing date of starts_at: the day periods are judged by.
    .addColumn('held_on', 'text', (c) => c.notNull())
    .addColumn('place', 'text', (c) => c.notNull())
    .addColumn('host', 'text', (c) => c.notNull())
    .addColumn('recorder', 'text')
    .addColumn('lecturer', 'text')
    .addColumn('topics', 'text', (c) => c.notNull())
    .addColumn('makes_up_period', 'text')
    .addColumn('minutes', 'text')
    .addColumn('cancel_reason', 'text')
    .addColumn('committee_size', 'integer')
    .addColumn('committee_present', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('meeting_org_idx').on('meeting').columns(['org_id', 'starts_at']).execute();
  await db.schema.createIndex('meeting_branch_idx').on('meeting').columns(['branch_id', 'kind', 'held_on']).execute();

  await db.schema
    .createTable('meeting_attendee')
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('meeting.id'))
    .addColumn('member_id', 'text', (c) => c.notNull().references('member.id'))
    .addColumn('member_name', 'text', (c) => c.notNull())
    .addColumn('member_status', 'text', (c) => c.notNull())
    .addColumn('attendance', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('meeting_attendee_pk', ['meeting_id', 'member_id'])
    .execute();
  await db.schema.createIndex('meeting_attendee_member_idx').on('meeting_attendee').column('member_id').execute();

  await db.schema
    .createTable('meeting_resolution')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('meeting.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('voted', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('entitled', 'integer')
    .addColumn('present', 'integer')
    .addColumn('in_favour', 'integer')
    .addColumn('against', 'integer')
    .addColumn('abstain', 'integer')
    .addColumn('written_in_favour', 'integer')
    .addColumn('valid', 'integer')
    .addColumn('passed', 'integer')
    .addColumn('reason', 'text')
    .execute();
  await db.schema.createIndex('meeting_resolution_idx').on('meeting_resolution').columns(['meeting_id', 'position']).execute();

  await db.schema
    .createTable('meeting_year')
    .addColumn('branch_id', 'text', (c) => c.notNull().references('org.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('held_months', 'integer', (c) => c.notNull())
    .addColumn('made_up_months', 'integer', (c) => c.notNull())
    .addColumn('held_count', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('meeting_year_pk', ['branch_id', 'kind', 'year'])
    .execute();
  await db.schema.createIndex('meeting_year_year_idx').on('meeting_year').columns(['year', 'branch_id']).execute();

  await db.schema
    .createTable('meeting_rule')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('from_year', 'integer', (c) => c.notNull())
    .addColumn('frequency', 'text', (c) => c.notNull())
    .addColumn('set_at', 'text', (c) => c.notNull())
    .addColumn('set_by', 'text')
    .addColumn('set_by_name', 'text')
    .addPrimaryKeyConstraint('meeting_rule_pk', ['kind', 'from_year'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('0012_meetings cannot be reverted: restore a backup instead');
}
