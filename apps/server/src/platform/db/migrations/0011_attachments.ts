import { type Kysely, sql } from 'kysely';

/**
 * The shared attachment store (IN-06): one row per stored file. The bytes live under $DATA_DIR/files by a
 * random name; the row says whose they are (owner_kind + owner_id), so each feature authorizes downloads
 * through its own scope. An upload is pending (owner_id null) until the feature's record claims it.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('attachment')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('owner_kind', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text')
    .addColumn('org_id', 'text', (c) => c.notNull().references('org.id'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('file_type', 'text', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('sm3', 'text', (c) => c.notNull())
    .addColumn('storage_name', 'text', (c) => c.notNull().unique())
    .addColumn('uploaded_by', 'text', (c) => c.notNull().references('app_user.id'))
    .addColumn('uploaded_at', 'text', (c) => c.notNull())
    .addColumn('attached_at', 'text')
    .execute();
  await db.schema.createIndex('attachment_owner_idx').on('attachment').columns(['owner_kind', 'owner_id']).execute();
  // Pending uploads, oldest first, for the purge and for the per-user limit.
  await db.schema
    .createIndex('attachment_pending_idx')
    .on('attachment')
    .columns(['uploaded_by', 'uploaded_at'])
    .where(sql.ref('owner_id'), 'is', null)
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('0011_attachments cannot be reverted: restore a backup instead');
}
