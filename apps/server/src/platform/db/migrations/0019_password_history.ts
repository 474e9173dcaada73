import type { Kysely } from 'kysely';

/**
 * AUTH-03: the hashes of an account's earlier passwords (argon2id, as app_user keeps the current one), so a
 * change can refuse the last few. Only the newest are kept: older rows are deleted when a password changes.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('password_history')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('app_user.id'))
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('retired_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('password_history_user_idx').on('password_history').columns(['user_id', 'retired_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('password_history').execute();
}
