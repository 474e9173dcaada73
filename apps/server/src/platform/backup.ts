import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { SYSTEM_CONTEXT } from './audit/events.js';
import { verifyAuditChain } from './audit/verify-audit.js';
import { backupRoot, copyStoredFiles, listStoredFiles } from './backup-files.js';
import type { CryptoProvider } from './crypto/provider.js';
import type { DB } from './db/types.js';
import type { Deps } from './deps.js';

export interface BackupReport {
  file: string;
  bytes: number;
  auditEntries: number;
  /** Attachment files in the backup folder's shared store, and how many this backup added. */
  files: number;
  filesCopied: number;
  /** Rows per table in the copy. */
  rows: Record<string, number>;
}

/** Checks a SQLite file: integrity_check, then the audit chain with this deployment's key. */
export async function checkSqliteFile(file: string, crypto: CryptoProvider): Promise<number> {
  const handle = new SQLite(file, { readonly: true, fileMustExist: true });
  try {
    const integrity = handle.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') throw new Error(`备份文件完整性检查失败：${integrity}`);
    const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: handle }) });
    const chain = await verifyAuditChain(db, crypto);
    if (!chain.ok) throw new Error(`备份中的审计日志校验失败：第 ${chain.firstBadSeq} 条，${chain.reason}`);
    return chain.checked;
  } finally {
    handle.close();
  }
}

/**
 * DB-05: an online backup while the server runs, checked before it is kept, and audited whether it succeeds or
 * fails. SQLite: `VACUUM INTO` copies one read transaction's snapshot, so writers go on meanwhile (WAL) and the
 * copy never restarts — the page-stepping backup API started over whenever another connection wrote, and never
 * finished under a steady trickle of writes. PostgreSQL: pg_dump, which also reads one snapshot.
 */
export async function backup(deps: Deps, target: string): Promise<BackupReport> {
  const file = path.resolve(target);
  try {
    const report = await copyAndCheck(deps, file);
    await deps.db
      .transaction()
      .execute((trx) => deps.audit.record(trx, SYSTEM_CONTEXT, { type: 'system.backup', detail: { ...report } }));
    return report;
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    await deps.db
      .transaction()
      .execute((trx) =>
        deps.audit.record(trx, SYSTEM_CONTEXT, { type: 'system.backup', result: 'failed', detail: { file, reason } }),
      );
    throw err;
  }
}

async function copyAndCheck(deps: Deps, file: string): Promise<BackupReport> {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const temp = `${file}.partial`;
  fs.rmSync(temp, { force: true });
  let auditEntries: number;
  let files: Awaited<ReturnType<typeof listStoredFiles>>;
  let rows: Record<string, number>;
  if (deps.database.sqlite) {
    const before = await tableCounts(deps.db);
    deps.database.sqlite.prepare('VACUUM INTO ?').run(temp);
    fs.chmodSync(temp, 0o600);
    auditEntries = await checkSqliteFile(temp, deps.crypto);
    rows = await withSqliteFile(temp, tableCounts);
    // The copy is a later snapshot than the counts read before it: append-only tables can only have grown.
    for (const table of APPEND_ONLY) {
      if ((rows[table] ?? 0) < (before[table] ?? 0)) throw new Error(`备份校验失败：${table} 的行数少于备份开始前`);
    }
    files = await withSqliteFile(temp, listStoredFiles);
  } else {
    execFileSync('pg_dump', ['--format=custom', `--file=${temp}`, deps.config.databaseUrl!], { stdio: 'inherit' });
    fs.chmodSync(temp, 0o600);
    auditEntries = (await verifyAuditChain(deps.db, deps.crypto)).checked;
    rows = await tableCounts(deps.db);
    // Listed after the dump: a file deleted since has no row here either, and one added since is harmless.
    files = await listStoredFiles(deps.db);
  }
  // Files first: the database copy is kept only once every file it names is safe beside it.
  const { copied, missing } = await copyStoredFiles(files, deps.config.dataDir, backupRoot(file), deps.crypto);
  if (missing.length) throw new Error(`有 ${missing.length} 个附件文件在数据目录中找不到（如 ${missing[0]}），备份未完成`);
  fs.renameSync(temp, file);
  const bytes = fs.statSync(file).size;
  return { file, bytes, auditEntries, files: files.length, filesCopied: copied, rows };
}

/** Tables that only ever grow: a backup holding fewer of their rows than the live database had before it is wrong. */
const APPEND_ONLY = ['audit_log', 'member_history', 'org_history'] as const;

/** Row counts of every table, as the backup's report and its check. */
async function tableCounts(db: Kysely<DB>): Promise<Record<string, number>> {
  const tables = (await db.introspection.getTables()).map((t) => t.name).filter((n) => !n.startsWith('kysely_'));
  const counts: Record<string, number> = {};
  for (const table of tables.sort()) {
    const row = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(table)}`.execute(db);
    counts[table] = Number(row.rows[0]?.n ?? 0);
  }
  return counts;
}

async function withSqliteFile<T>(file: string, read: (db: Kysely<DB>) => Promise<T>): Promise<T> {
  const handle = new SQLite(file, { readonly: true, fileMustExist: true });
  try {
    return await read(new Kysely<DB>({ dialect: new SqliteDialect({ database: handle }) }));
  } finally {
    handle.close();
  }
}

/**
 * Restores a backup over the current database. SQLite: the server must be stopped (its pid file is checked);
 * the file is verified first, so a bad backup never replaces good data.
 */
export async function restore(opts: {
  source: string;
  dataDir: string;
  sqliteFile: string;
  databaseUrl: string | null;
  crypto: CryptoProvider;
  pidFile: string;
}) {
  const source = path.resolve(opts.source);
  if (!fs.existsSync(source)) throw new Error(`找不到备份文件 ${source}`);
  const restoreFiles = async (files: Awaited<ReturnType<typeof listStoredFiles>>) => {
    const { missing } = await copyStoredFiles(files, backupRoot(source), opts.dataDir, opts.crypto);
    if (missing.length)
      throw new Error(`备份中缺少 ${missing.length} 个附件文件（如 ${missing[0]}），请确认备份目录下的 files 文件夹完整`);
  };
  if (opts.databaseUrl) {
    execFileSync('pg_restore', ['--clean', '--if-exists', '--no-owner', `--dbname=${opts.databaseUrl}`, source], {
      stdio: 'inherit',
    });
    const db = new Kysely<DB>({
      dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: opts.databaseUrl, max: 1 }) }),
    });
    try {
      await restoreFiles(await listStoredFiles(db));
    } finally {
      await db.destroy();
    }
    return;
  }
  if (serverRunning(opts.pidFile)) throw new Error('服务正在运行，请先停止服务再恢复');
  await checkSqliteFile(source, opts.crypto);
  // Files before the database: a backup whose files are incomplete never replaces good data.
  await restoreFiles(await withSqliteFile(source, listStoredFiles));
  const staged = `${opts.sqliteFile}.restoring`;
  fs.copyFileSync(source, staged);
  for (const suffix of ['-wal', '-shm']) fs.rmSync(opts.sqliteFile + suffix, { force: true });
  fs.renameSync(staged, opts.sqliteFile);
}

export function serverRunning(pidFile: string): boolean {
  if (!fs.existsSync(pidFile)) return false;
  const pid = Number(fs.readFileSync(pidFile, 'utf8'));
  try {
    process.kill(pid, 0);
    return pid !== process.pid;
  } catch {
    return false;
  }
}
