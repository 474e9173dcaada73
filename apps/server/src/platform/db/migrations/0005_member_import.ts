import type { Kysely } from 'kysely';

/**
 * The ledger's Excel import (issue #3 point 6): an upload is validated in the background into a staged import;
 * nothing reaches `member` before the user confirms a clean file. The validated rows are staged in batches,
 * each batch one SM4-sealed payload keyed by its first Excel row (no plaintext ID number or phone at rest),
 * and are deleted on confirm or expiry.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('member_import')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('app_user.id'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    // SM3 of the uploaded bytes, for the audit event of the confirm.
    .addColumn('file_hash', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('total_rows', 'integer')
    .addColumn('processed_rows', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('row_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('error_rows', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('issue_count', 'integer', (c) => c.notNull().defaultTo(0))
    // JSON [{row, column, message, name}], capped; messages never carry an ID number or phone.
    .addColumn('issues', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('message', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    // Written while the background validation runs: a validation that stops beating has died with its process.
    .addColumn('heartbeat_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('imported_at', 'text')
    .addColumn('imported_count', 'integer')
    .execute();
  await db.schema.createIndex('member_import_user_idx').on('member_import').columns(['user_id', 'status']).execute();
  await db.schema.createIndex('member_import_expires_idx').on('member_import').columns(['expires_at']).execute();

  await db.schema
    .createTable('member_import_row')
    .addColumn('import_id', 'text', (c) => c.notNull().references('member_import.id').onDelete('cascade'))
    // The batch's first Excel row.
    .addColumn('row_number', 'integer', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('member_import_row_pk', ['import_id', 'row_number'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('member_import_row').execute();
  await db.schema.dropTable('member_import').execute();
}
