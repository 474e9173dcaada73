import { type Kysely, sql } from 'kysely';

/**
 * A member's employer (issue #3 point 1): the ledger import links a 工作单位 cell to the one active enterprise
 * whose registry name it exactly is, looked up by name for every batch of rows. Partial on active enterprises
 * (archived ones are never linked), like the pinyin index of 0008.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('enterprise_active_name_idx')
    .on('enterprise')
    .columns(['name'])
    .where(sql.ref('archived_at'), 'is', null)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('enterprise_active_name_idx').execute();
}
