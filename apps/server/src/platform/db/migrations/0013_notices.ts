import type { Kysely } from 'kysely';
import { dialectOf, makeAppendOnly } from '../helpers.js';

/**
 * Notices (issue #4 point 5). A notice stores its audience as a rule — target orgs (with or without their
 * subtrees) and optionally roles — never one row per recipient: sending to a whole city writes a handful of
 * rows. Recipients are matched through their grants when they read the inbox; a receipt row appears when an
 * account opens the notice. Attachments live in the shared attachment store (owner_kind 'notice').
 * Everything here is write-once (append-only): a sent notice is a record.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const dialect = dialectOf(db);
  await db.schema
    .createTable('notice')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('sender_org_id', 'text', (c) => c.notNull().references('org.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    // Null: every account at the targets; else ",secretary,member," (roles from a fixed list, comma-fenced).
    .addColumn('roles', 'text')
    .addColumn('sent_at', 'text', (c) => c.notNull())
    .addColumn('sent_by', 'text')
    .addColumn('sent_by_name', 'text')
    .execute();
  await db.schema.createIndex('notice_sender_idx').on('notice').columns(['sender_org_id', 'sent_at']).execute();
  await db.schema.createIndex('notice_sent_idx').on('notice').columns(['sent_at']).execute();

  await db.schema
    .createTable('notice_target')
    .addColumn('notice_id', 'text', (c) => c.notNull().references('notice.id'))
    .addColumn('org_id', 'text', (c) => c.notNull().references('org.id'))
    // 1: the org and every org below it; 0: the org itself only.
    .addColumn('subtree', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('notice_target_pk', ['notice_id', 'org_id'])
    .execute();
  // The inbox walks from the reader's orgs' ancestors to the notices addressed to them.
  await db.schema.createIndex('notice_target_org_idx').on('notice_target').columns(['org_id', 'notice_id']).execute();

  await db.schema
    .createTable('read_receipt')
    .addColumn('notice_id', 'text', (c) => c.notNull().references('notice.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('app_user.id'))
    .addColumn('read_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('read_receipt_pk', ['notice_id', 'user_id'])
    .execute();
  await db.schema.createIndex('read_receipt_user_idx').on('read_receipt').columns(['user_id', 'notice_id']).execute();

  for (const table of ['notice', 'notice_target', 'read_receipt']) {
    await makeAppendOnly(db, dialect, table);
  }
}

export async function down(): Promise<void> {
  throw new Error('0013_notices cannot be reverted: restore a backup instead');
}
