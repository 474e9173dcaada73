import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
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

/** DB-05: an online backup while the server runs (SQLite's backup API; pg_dump on PostgreSQL), checked before it is kept. */
export async function backup(deps: Deps, target: string): Promise<BackupReport> {
  const file = path.resolve(target);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.partial`;
  fs.rmSync(temp, { force: true });
  let auditEntries: number;
  let files: Awaited<ReturnType<typeof listStoredFiles>>;
  if (deps.database.sqlite) {
    await deps.database.sqlite.backup(temp);
    auditEntries = await checkSqliteFile(temp, deps.crypto);
    files = await withSqliteFile(temp, listStoredFiles);
  } else {
    execFileSync('pg_dump', ['--format=custom', `--file=${temp}`, deps.config.databaseUrl!], { stdio: 'inherit' });
    auditEntries = (await verifyAuditChain(deps.db, deps.crypto)).checked;
    // Listed after the dump: a file deleted since has no row here either, and one added since is harmless.
    files = await listStoredFiles(deps.db);
  }
  // Files first: the database copy is kept only once every file it names is safe beside it.
  const { copied, missing } = await copyStoredFiles(files, deps.config.dataDir, backupRoot(file), deps.crypto);
  if (missing.length) throw new Error(`有 ${missing.length} 个附件文件在数据目录中找不到（如 ${missing[0]}），备份未完成`);
  fs.renameSync(temp, file);
  const bytes = fs.statSync(file).size;
  const detail = { file, bytes, auditEntries, files: files.length, filesCopied: copied };
  await deps.db.transaction().execute((trx) => deps.audit.record(trx, SYSTEM_CONTEXT, { type: 'system.backup', detail }));
  return { file, bytes, auditEntries, files: files.length, filesCopied: copied };
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
