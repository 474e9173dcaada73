import type { Kysely } from 'kysely';

/**
 * The enterprise registry's Excel import (issue #6) reuses the member ledger's import jobs and sealed staging:
 * `member_import` gains a `kind` so each area sees only its own imports.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('member_import')
    .addColumn('kind', 'text', (c) => c.notNull().defaultTo('member'))
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('0009_enterprise_import cannot be reverted: restore a backup instead');
}
