import { Transform, type Writable } from 'node:stream';
import type ExcelJS from 'exceljs';
import type { CryptoProvider } from '../crypto/provider.js';

/** The streaming side of the member export: keeping exceljs's output bounded, and sealing the file (DP-07). */

/** Uncompressed sheet XML waiting for the zip's deflater, beyond which the export waits. */
const SHEET_BACKLOG = 4 * 1024 * 1024;

interface Backlog {
  _writableState?: { length: number };
  _readableState?: { length: number };
}

/**
 * Waits until the zip has caught up with the sheet. exceljs writes committed rows into the zip entry without
 * heeding backpressure, and deflating runs behind on the thread pool: without this wait the uncompressed XML
 * of a large export piles up in memory. The entry's input is the first pipe of the worksheet's stream (an
 * exceljs internal; if its shape ever changes this waits for nothing and the drain check below still holds).
 */
export async function sheetCaughtUp(sheet: ExcelJS.Worksheet): Promise<void> {
  const input = (sheet as unknown as { _stream?: { pipes?: Backlog[] } })._stream?.pipes?.[0];
  const backlog = () => (input?._writableState?.length ?? 0) + (input?._readableState?.length ?? 0);
  while (backlog() > SHEET_BACKLOG) await new Promise((resolve) => setTimeout(resolve, 2));
}

/** Resolves when the consumer has taken what was written (or has gone away). */
export function drained(stream: Writable): Promise<void> {
  if (!stream.writableNeedDrain || stream.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      stream.off('drain', done);
      stream.off('close', done);
      resolve();
    };
    stream.on('drain', done);
    stream.on('close', done);
  });
}

/**
 * The file on its way to the client, hashed with SM3 as it passes (DP-07). The last chunk is held back until
 * `seal` has recorded the digest of the whole file: if that fails, the client never gets a complete file.
 */
export function sealedStream(crypto: CryptoProvider, seal: (fileSm3: string, bytes: number) => Promise<void>): Transform {
  const hash = crypto.sm3Stream();
  let held: Buffer | null = null;
  let bytes = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      const previous = held;
      held = chunk;
      hash.update(chunk);
      bytes += chunk.length;
      done(null, previous ?? undefined);
    },
    flush(done) {
      seal(hash.digest(), bytes).then(
        () => done(null, held ?? undefined),
        (err: unknown) => done(err instanceof Error ? err : new Error(String(err))),
      );
    },
  });
}

/**
 * The first two rows of every streamed export: who exported it, when and under which request (so a leaked
 * file names its source), then the bold column headers. The sheet freezes both (`ySplit: 2`).
 */
export function writeExportHead(
  sheet: ExcelJS.Worksheet,
  headers: readonly string[],
  stamp: { user: { displayName: string; username: string }; at: string; requestId: string; note: string },
): void {
  const mark = sheet.addRow([
    `导出人：${stamp.user.displayName}（${stamp.user.username}）  导出时间：${stamp.at}（北京时间）  请求编号：${stamp.requestId}  ${stamp.note}`,
  ]);
  mark.font = { color: { argb: 'FF808080' }, size: 9 };
  sheet.mergeCells(1, 1, 1, headers.length);
  mark.commit();
  const header = sheet.addRow([...headers]);
  header.font = { bold: true };
  header.commit();
}
