import fs from 'node:fs/promises';
import path from 'node:path';
import type { Db } from '../db/connect.js';

/** How often the running server copies new audit entries to the sink. */
export const AUDIT_SHIP_INTERVAL_MS = 10_000;
const BATCH = 5_000;
/** The tail read to find the last entry already shipped (one entry is well under this). */
const TAIL_BYTES = 64 * 1024;

/**
 * AUD-07: copies the audit log, in order, to an append-only JSON-lines file outside the database (mount it
 * from another host, or let the host's log shipper take it). Each line is one committed entry with its seq and
 * both hashes, so the copy can be checked on its own and shows any entry later removed from the database. The
 * sink says how far it got (its last line; after a rotation moved the file away, `<file>.seq`), so a restart
 * never ships twice or skips.
 * Entries get their seq under the chain head's lock, in commit order: none can appear later below the last
 * one shipped. Returns the number of entries copied.
 */
export async function shipAuditLog(db: Db, sinkFile: string): Promise<number> {
  await fs.mkdir(path.dirname(sinkFile), { recursive: true });
  let after = await lastShippedSeq(sinkFile);
  let shipped = 0;
  const file = await fs.open(sinkFile, 'a', 0o600);
  try {
    for (;;) {
      const rows = await db.selectFrom('audit_log').selectAll().where('seq', '>', after).orderBy('seq').limit(BATCH).execute();
      if (rows.length === 0) break;
      await file.appendFile(rows.map((r) => `${JSON.stringify({ ...r, seq: Number(r.seq) })}\n`).join(''));
      // On disk before the next batch is read: a crash loses nothing the sink claims to hold.
      await file.sync();
      after = Number(rows[rows.length - 1]!.seq);
      await writeMark(sinkFile, after);
      shipped += rows.length;
      if (rows.length < BATCH) break;
    }
  } finally {
    await file.close();
  }
  return shipped;
}

/** Where the copy got, for a sink file that a rotation has just moved away. Replaced whole (rename). */
async function writeMark(sinkFile: string, seq: number): Promise<void> {
  await fs.writeFile(`${sinkFile}.seq.tmp`, String(seq), { mode: 0o600 });
  await fs.rename(`${sinkFile}.seq.tmp`, `${sinkFile}.seq`);
}

async function readMark(sinkFile: string): Promise<number> {
  try {
    return Number(await fs.readFile(`${sinkFile}.seq`, 'utf8')) || 0;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw err;
  }
}

/**
 * The seq of the sink's last complete line, or the mark when the sink is new or empty (0 for a first copy). A
 * torn last line is cut off and shipped again.
 */
async function lastShippedSeq(sinkFile: string): Promise<number> {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(sinkFile, 'r+');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return readMark(sinkFile);
    throw err;
  }
  try {
    const { size } = await handle.stat();
    const start = Math.max(0, size - TAIL_BYTES);
    const buffer = Buffer.alloc(size - start);
    await handle.read(buffer, 0, buffer.length, start);
    const text = buffer.toString('utf8');
    const end = text.lastIndexOf('\n');
    // A line cut off by a crash mid-write: drop it, it is shipped again.
    if (end !== text.length - 1) await handle.truncate(start + Buffer.byteLength(text.slice(0, end + 1)));
    const lines = text
      .slice(0, end + 1)
      .trimEnd()
      .split('\n');
    const last = lines[lines.length - 1];
    if (!last) return readMark(sinkFile);
    const seq = Number((JSON.parse(last) as { seq: unknown }).seq);
    if (!Number.isInteger(seq)) throw new Error(`审计日志副本 ${sinkFile} 的最后一行没有序号`);
    return seq;
  } finally {
    await handle.close();
  }
}
