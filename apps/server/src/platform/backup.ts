import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { SYSTEM_CONTEXT } from './audit/events.js';
import { verifyAuditChain } from './audit/verify-audit.js';
import type { CryptoProvider } from './crypto/provider.js';
import type { DB } from './db/types.js';
import type { Deps } from './deps.js';

export interface BackupReport {
  file: string;
  bytes: number;
  auditEntries: number;
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
  if (deps.database.sqlite) {
    await deps.database.sqlite.backup(temp);
    auditEntries = await checkSqliteFile(temp, deps.crypto);
  } else {
    execFileSync('pg_dump', ['--format=custom', `--file=${temp}`, deps.config.databaseUrl!], { stdio: 'inherit' });
    auditEntries = (await verifyAuditChain(deps.db, deps.crypto)).checked;
  }
  fs.renameSync(temp, file);
  const bytes = fs.statSync(file).size;
  await deps.db
    .transaction()
    .execute((trx) => deps.audit.record(trx, SYSTEM_CONTEXT, { type: 'system.backup', detail: { file, bytes, auditEntries } }));
  return { file, bytes, auditEntries };
}

/**
 * Restores a backup over the current database. SQLite: the server must be stopped (its pid file is checked);
 * the file is verified first, so a bad backup never replaces good data.
 */
export async function restore(opts: {
  source: string;
  sqliteFile: string;
  databaseUrl: string | null;
  crypto: CryptoProvider;
  pidFile: string;
}) {
  const source = path.resolve(opts.source);
  if (!fs.existsSync(source)) throw new Error(`找不到备份文件 ${source}`);
  if (opts.databaseUrl) {
    execFileSync('pg_restore', ['--clean', '--if-exists', '--no-owner', `--dbname=${opts.databaseUrl}`, source], {
      stdio: 'inherit',
    });
    return;
  }
  if (serverRunning(opts.pidFile)) throw new Error('服务正在运行，请先停止服务再恢复');
  await checkSqliteFile(source, opts.crypto);
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
