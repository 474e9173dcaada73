import type { Kysely } from 'kysely';

/**
 * Events (issue #15): salons, visits, forums and themed activities, with invited orgs, registrations (a seat
 * or a place on the waiting list) and check-in. The event row keeps its seat count and the next waiting-list
 * number, so taking a seat is one conditional UPDATE that holds on both engines under concurrency. Study hours
 * come from the events a person checked in to, counted by the rules in study_hour_rule (data, not code).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('event')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('org.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .addColumn('place', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    // Null: no limit.
    .addColumn('capacity', 'integer')
    .addColumn('seats_taken', 'integer', (c) => c.notNull().defaultTo(0))
    // The last waiting-list number handed out (positions only grow, so the list keeps its order).
    .addColumn('queue_last', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('study_kind', 'text', (c) => c.notNull())
    .addColumn('summary', 'text')
    // JSON: [{ text, serviceRequestId }].
    .addColumn('follow_ups', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('event_org_idx').on('event').columns(['org_id', 'starts_at']).execute();
  await db.schema.createIndex('event_starts_idx').on('event').columns(['starts_at']).execute();

  await db.schema
    .createTable('event_invite')
    .addColumn('event_id', 'text', (c) => c.notNull().references('event.id'))
    .addColumn('org_id', 'text', (c) => c.notNull().references('org.id'))
    .addPrimaryKeyConstraint('event_invite_pk', ['event_id', 'org_id'])
    .execute();
  await db.schema.createIndex('event_invite_org_idx').on('event_invite').columns(['org_id', 'event_id']).execute();

  await db.schema
    .createTable('event_registration')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('event_id', 'text', (c) => c.notNull().references('event.id'))
    // Null for a guest the organiser added by name.
    .addColumn('user_id', 'text', (c) => c.references('app_user.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('queue_position', 'integer')
    .addColumn('registered_at', 'text', (c) => c.notNull())
    .addColumn('checked_in_at', 'text')
    .addColumn('checked_in_by', 'text')
    .addColumn('checkin_method', 'text')
    // The nonce of the code that checked this person in: the same code shown again is a replay.
    .addColumn('checkin_nonce', 'text')
    .execute();
  // One registration per account and event (a cancelled one is taken up again on re-registering).
  await db.schema
    .createIndex('event_registration_user_uq')
    .on('event_registration')
    .columns(['event_id', 'user_id'])
    .unique()
    .execute();
  await db.schema
    .createIndex('event_registration_queue_idx')
    .on('event_registration')
    .columns(['event_id', 'status', 'queue_position'])
    .execute();
  await db.schema.createIndex('event_registration_by_user_idx').on('event_registration').columns(['user_id']).execute();

  await db.schema
    .createTable('study_hour_rule')
    // training_day | half_day_lecture | organised_study | target_member | target_leader
    .addColumn('key', 'text', (c) => c.primaryKey())
    // fixed: half_hours per occasion; per_hour: half_hours per hour spent; target: half_hours a year.
    .addColumn('mode', 'text', (c) => c.notNull())
    .addColumn('half_hours', 'integer', (c) => c.notNull())
    .execute();
  await db
    .insertInto('study_hour_rule')
    .values([
      { key: 'training_day', mode: 'fixed', half_hours: 16 },
      { key: 'half_day_lecture', mode: 'fixed', half_hours: 8 },
      { key: 'organised_study', mode: 'per_hour', half_hours: 2 },
      { key: 'target_member', mode: 'target', half_hours: 64 },
      { key: 'target_leader', mode: 'target', half_hours: 112 },
    ])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('0030_events cannot be reverted: restore a backup instead');
}
