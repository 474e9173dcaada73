import { MEMBER_IMPORT_LIMITS, type MemberImportIssue, type MemberImportStatusBody } from '@tongxin/contracts';
import type { Selectable } from 'kysely';
import type { CryptoProvider } from '../crypto/provider.js';
import type { Db, Trx } from '../db/connect.js';
import type { MemberImportTable } from '../db/types.js';
import type { Deps } from '../deps.js';

/**
 * Excel import jobs (validation-first, sealed staging, all-or-nothing confirm), shared by the member ledger and
 * the enterprise registry. One table (`member_import`, named for its first user) holds both, told apart by
 * `kind`: each area's routes see only their own kind.
 */
export type ImportKind = 'member' | 'enterprise';

export type ImportRow = Selectable<MemberImportTable>;

/** A validation that has not reported for this long died with its process (a restart); it shows as failed. */
export const STALLED_AFTER_MS = 5 * 60_000;

export const INTERRUPTED = '校验中断（服务器可能已重启），请重新上传文件';

export function isStalled(row: Pick<ImportRow, 'status' | 'heartbeat_at'>, now: Date): boolean {
  return row.status === 'validating' && now.getTime() - Date.parse(row.heartbeat_at) > STALLED_AFTER_MS;
}

export async function insertImport(
  db: Db,
  values: { id: string; kind: ImportKind; userId: string; fileName: string; fileHash: string; now: Date },
): Promise<void> {
  const at = values.now.toISOString();
  await db
    .insertInto('member_import')
    .values({
      id: values.id,
      kind: values.kind,
      user_id: values.userId,
      file_name: values.fileName,
      file_hash: values.fileHash,
      status: 'validating',
      total_rows: null,
      message: null,
      created_at: at,
      heartbeat_at: at,
      expires_at: new Date(values.now.getTime() + MEMBER_IMPORT_LIMITS.expiresAfterHours * 3_600_000).toISOString(),
      imported_at: null,
      imported_count: null,
    })
    .execute();
}

/** The user's own import (another user's answers as missing: imports are private to who uploaded them). */
export async function findOwnImport(
  db: Db | Trx,
  kind: ImportKind,
  id: string,
  userId: string,
  now: Date,
): Promise<ImportRow | undefined> {
  return db
    .selectFrom('member_import')
    .selectAll()
    .where('id', '=', id)
    .where('kind', '=', kind)
    .where('user_id', '=', userId)
    .where('expires_at', '>', now.toISOString())
    .executeTakeFirst();
}

/** The user's validation still running, if any (one at a time per user, of either kind). */
export async function runningImport(db: Db, userId: string, now: Date): Promise<ImportRow | undefined> {
  const rows = await db
    .selectFrom('member_import')
    .selectAll()
    .where('user_id', '=', userId)
    .where('status', '=', 'validating')
    .execute();
  return rows.find((r) => !isStalled(r, now));
}

/** Deletes expired imports with their staged rows. */
export async function purgeExpired(db: Db, now: Date): Promise<void> {
  const expired = db.selectFrom('member_import').select('id').where('expires_at', '<=', now.toISOString());
  await db.deleteFrom('member_import_row').where('import_id', 'in', expired).execute();
  await db.deleteFrom('member_import').where('expires_at', '<=', now.toISOString()).execute();
}

/** A validated row waiting for the confirm. */
export interface StagedRow<T> {
  row: number;
  input: T;
}

/**
 * Stages a batch of clean rows as one SM4-sealed payload (no plaintext ID number or phone at rest), keyed by
 * the batch's first Excel row so that the confirm reads the batches back in file order.
 */
export async function stageRows<T>(deps: Pick<Deps, 'db' | 'crypto'>, importId: string, rows: StagedRow<T>[]): Promise<void> {
  await deps.db
    .insertInto('member_import_row')
    .values({ import_id: importId, row_number: rows[0]!.row, payload: deps.crypto.encrypt(JSON.stringify(rows)) })
    .execute();
}

/** The staged batches after `after` (a batch's first row), in file order. */
export async function stagedBatches<T>(trx: Trx, crypto: CryptoProvider, importId: string, after: number, limit: number) {
  const batches = await trx
    .selectFrom('member_import_row')
    .select(['row_number', 'payload'])
    .where('import_id', '=', importId)
    .where('row_number', '>', after)
    .orderBy('row_number')
    .limit(limit)
    .execute();
  return batches.map((b) => ({ first: b.row_number, rows: JSON.parse(crypto.decrypt(b.payload)) as StagedRow<T>[] }));
}

export async function dropStagedRows(db: Db | Trx, importId: string): Promise<void> {
  await db.deleteFrom('member_import_row').where('import_id', '=', importId).execute();
}

export interface ImportProgress {
  totalRows: number | null;
  processed: number;
  rowCount: number;
  errorRows: number;
  issueCount: number;
}

export async function reportProgress(db: Db, id: string, p: ImportProgress, now: Date): Promise<void> {
  await db
    .updateTable('member_import')
    .set({
      total_rows: p.totalRows,
      processed_rows: p.processed,
      row_count: p.rowCount,
      error_rows: p.errorRows,
      issue_count: p.issueCount,
      heartbeat_at: now.toISOString(),
    })
    .where('id', '=', id)
    .execute();
}

export async function finishImport(
  db: Db,
  id: string,
  outcome: { status: 'ready' | 'failed'; message: string | null; issues: MemberImportIssue[] } & ImportProgress,
  now: Date,
): Promise<void> {
  await db
    .updateTable('member_import')
    .set({
      status: outcome.status,
      message: outcome.message,
      issues: JSON.stringify(outcome.issues),
      total_rows: outcome.totalRows,
      processed_rows: outcome.processed,
      row_count: outcome.rowCount,
      error_rows: outcome.errorRows,
      issue_count: outcome.issueCount,
      heartbeat_at: now.toISOString(),
    })
    .where('id', '=', id)
    .where('status', '=', 'validating')
    .execute();
}

/** The import's progress, then its report, as the status routes answer. */
export function presentImport(row: ImportRow, now: Date): MemberImportStatusBody {
  const stalled = isStalled(row, now);
  return {
    id: row.id,
    fileName: row.file_name,
    status: stalled ? 'failed' : row.status,
    processed: row.processed_rows,
    total: row.total_rows,
    rowCount: row.row_count,
    errorRows: row.error_rows,
    issueCount: row.issue_count,
    issues: JSON.parse(row.issues) as MemberImportIssue[],
    message: stalled ? INTERRUPTED : row.message,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    importedCount: row.imported_count,
  };
}
