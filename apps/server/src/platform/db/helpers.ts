import { type Expression, type Kysely, type SqlBool, sql } from 'kysely';
import type { Dialect } from './connect.js';

/** AUD-02: the database itself refuses UPDATE and DELETE on an append-only table. */
export async function makeAppendOnly(db: Kysely<any>, dialect: Dialect, table: string): Promise<void> {
  if (dialect === 'sqlite') {
    for (const op of ['UPDATE', 'DELETE']) {
      await sql
        .raw(
          `CREATE TRIGGER ${table}_no_${op.toLowerCase()} BEFORE ${op} ON ${table} BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END`,
        )
        .execute(db);
    }
    return;
  }
  await sql
    .raw(
      `CREATE OR REPLACE FUNCTION ${table}_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN RAISE EXCEPTION '${table} is append-only'; END $$`,
    )
    .execute(db);
  await sql
    .raw(
      `CREATE TRIGGER ${table}_no_change BEFORE UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION ${table}_append_only()`,
    )
    .execute(db);
  await sql
    .raw(`CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table} EXECUTE FUNCTION ${table}_append_only()`)
    .execute(db);
}

/** A unique index refused the write (both engines): two writers raced to create the same thing. */
export function isUniqueViolation(e: unknown): boolean {
  const code = (e as { code?: string } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}

/** Which dialect a migration runs on, read from the Kysely adapter rather than passed around. */
export function dialectOf(db: Kysely<any>): Dialect {
  return db.getExecutor().adapter.constructor.name.startsWith('Postgres') ? 'postgres' : 'sqlite';
}

/** `column LIKE %text%` (or `text%`) with the user's % _ \\ taken literally, on both engines. */
export function like(column: string, text: string, mode: 'contains' | 'prefix' = 'contains'): Expression<SqlBool> {
  const escaped = text.replace(/[\\%_]/g, (c) => `\\${c}`);
  const pattern = mode === 'contains' ? `%${escaped}%` : `${escaped}%`;
  // lower() on both sides: SQLite's LIKE ignores ASCII case, PostgreSQL's does not.
  return sql<SqlBool>`lower(${sql.ref(column)}) like lower(${pattern}) escape '\\'`;
}

/**
 * Serialises writers that read-then-write the same thing (the org tree, one account's grants, one username's
 * lock-out count). PostgreSQL: a transaction-scoped advisory lock on the key. SQLite: nothing to do, since
 * Kysely's SQLite dialect runs one transaction at a time on its one connection.
 */
export async function lockFor(trx: Kysely<any>, key: string): Promise<void> {
  if (dialectOf(trx) === 'postgres') await sql`select pg_advisory_xact_lock(hashtext(${key}))`.execute(trx);
}
