import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, type Transaction } from 'kysely';
import pg from 'pg';
import type { DB } from './types.js';

export type Dialect = 'sqlite' | 'postgres';
export type Db = Kysely<DB>;
export type Trx = Transaction<DB>;

export interface Database {
  db: Db;
  dialect: Dialect;
  /** The raw SQLite handle (backups, pragmas); null on PostgreSQL. */
  sqlite: SQLite.Database | null;
  close(): Promise<void>;
}

/** DB-01: every SQLite connection gets these, and they are read back: a wrong value refuses to start. */
export const SQLITE_PRAGMAS: ReadonlyArray<[string, string | number, string | number]> = [
  ['journal_mode', 'WAL', 'wal'],
  ['synchronous', 'FULL', 2],
  ['foreign_keys', 'ON', 1],
  ['busy_timeout', 5000, 5000],
  ['secure_delete', 'ON', 1],
];

export function openSqlite(file: string): SQLite.Database {
  if (file !== ':memory:') {
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    // Personal data: the database is the owner's alone. SQLite gives the -wal and -shm files the database's mode.
    fs.closeSync(fs.openSync(file, 'a', 0o600));
    fs.chmodSync(file, 0o600);
  }
  const handle = new SQLite(file);
  for (const [name, value] of SQLITE_PRAGMAS) handle.pragma(`${name} = ${value}`);
  for (const [name, , expected] of SQLITE_PRAGMAS) {
    const actual = handle.pragma(name, { simple: true });
    const ok = String(actual).toLowerCase() === String(expected).toLowerCase();
    // An in-memory database cannot use WAL; it is only used by unit tests.
    if (!ok && !(file === ':memory:' && name === 'journal_mode')) {
      handle.close();
      throw new Error(`SQLite PRAGMA ${name} 应为 ${expected}，实际为 ${actual}，拒绝启动`);
    }
  }
  return handle;
}

// COUNT(*) and bigint come back from pg as strings; our counts fit in a JS number.
pg.types.setTypeParser(20, (v) => Number(v));

/** DB-10: PostgreSQL must not acknowledge a commit it could lose. */
async function checkPostgres(pool: pg.Pool): Promise<void> {
  for (const [name, ok] of [
    ['fsync', ['on']],
    ['full_page_writes', ['on']],
    ['synchronous_commit', ['on', 'remote_apply', 'remote_write']],
  ] as const) {
    const { rows } = await pool.query(`SHOW ${name}`);
    const value = String(rows[0]?.[name]);
    if (!(ok as readonly string[]).includes(value))
      throw new Error(`PostgreSQL ${name} 应为 ${ok.join('/')}，实际为 ${value}，拒绝启动`);
  }
}

/**
 * Kysely's SQLite driver prepares every statement anew; at small query cost that parsing dominates. This keeps
 * prepared statements by their SQL text (the SQL is Kysely's output with ? parameters, so the set is bounded by
 * the code's query shapes; the cap guards against shapes that vary with list lengths).
 */
function withStatementCache(handle: SQLite.Database, limit = 1000) {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => handle.close(),
    prepare(sqlText: string) {
      let statement = cache.get(sqlText);
      if (!statement) {
        statement = handle.prepare(sqlText);
        if (cache.size >= limit) cache.delete(cache.keys().next().value as string);
        cache.set(sqlText, statement);
      }
      return statement;
    },
  };
}

export async function openDatabase(opts: { databaseUrl: string | null; sqliteFile: string }): Promise<Database> {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: 10 });
    // An idle client the server drops (restart, admin termination) emits 'error' on the pool; without a listener
    // that would crash the process. The pool discards the client and the next query gets a fresh one.
    pool.on('error', (err) => console.error(`PostgreSQL 空闲连接已断开 / idle connection dropped: ${err.message}`));
    await checkPostgres(pool);
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    return { db, dialect: 'postgres', sqlite: null, close: () => db.destroy() };
  }
  const sqlite = openSqlite(opts.sqliteFile);
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  return { db, dialect: 'sqlite', sqlite, close: () => db.destroy() };
}
