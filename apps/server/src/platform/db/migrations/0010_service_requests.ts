import type { Kysely } from 'kysely';
import { dialectOf, makeAppendOnly } from '../helpers.js';

/**
 * Service liaison (服务联抓, issue #6 point 4): requests raised for an enterprise, handled by a committee
 * member, answered and rated. Every step and every message is a row of the append-only thread.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('service_request')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('enterprise_id', 'text', (c) => c.notNull().references('enterprise.id'))
    // The committee that handles it: the enterprise's area committee when it was raised (handler scope).
    .addColumn('org_id', 'text', (c) => c.notNull().references('org.id'))
    // The Party organisation that covered the enterprise when it was raised (whose secretary follows it).
    .addColumn('covering_org_id', 'text', (c) => c.references('org.id'))
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('raised_at', 'text', (c) => c.notNull())
    .addColumn('raised_on', 'text', (c) => c.notNull())
    .addColumn('raised_by', 'text', (c) => c.notNull().references('app_user.id'))
    .addColumn('raised_by_name', 'text', (c) => c.notNull())
    .addColumn('assignee_id', 'text', (c) => c.references('app_user.id'))
    .addColumn('assignee_name', 'text')
    // The answer deadline (Beijing date) and the version of the due-date rules that set it.
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('rule_version', 'text', (c) => c.notNull())
    .addColumn('answered_at', 'text')
    // When it was closed (rated) or withdrawn.
    .addColumn('closed_at', 'text')
    .addColumn('rating', 'integer')
    .addColumn('rating_comment', 'text')
    .addColumn('reopen_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_activity_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  // The queue: a committee's requests by status and deadline (all, unassigned, overdue).
  await db.schema.createIndex('service_request_org_idx').on('service_request').columns(['org_id', 'status', 'due_on']).execute();
  await db.schema
    .createIndex('service_request_assignee_idx')
    .on('service_request')
    .columns(['assignee_id', 'status', 'due_on'])
    .execute();
  await db.schema
    .createIndex('service_request_enterprise_idx')
    .on('service_request')
    .columns(['enterprise_id', 'raised_at'])
    .execute();
  await db.schema
    .createIndex('service_request_covering_idx')
    .on('service_request')
    .columns(['covering_org_id', 'raised_at'])
    .execute();
  await db.schema.createIndex('service_request_status_due_idx').on('service_request').columns(['status', 'due_on']).execute();

  await db.schema
    .createTable('service_request_event')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('request_id', 'text', (c) => c.notNull().references('service_request.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    // requester (the enterprise's side) or handler (the committee's side).
    .addColumn('side', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.references('app_user.id'))
    .addColumn('actor_name', 'text')
    .addColumn('body', 'text')
    .addColumn('assignee_id', 'text', (c) => c.references('app_user.id'))
    .addColumn('assignee_name', 'text')
    .addColumn('rating', 'integer')
    .execute();
  await db.schema.createIndex('service_request_event_idx').on('service_request_event').columns(['request_id', 'at']).execute();
  await makeAppendOnly(db, dialectOf(db), 'service_request_event');
}

export async function down(): Promise<void> {
  throw new Error('0010_service_requests cannot be reverted: restore a backup instead');
}
