import ExcelJS from 'exceljs';
import type { FastifyReply } from 'fastify';
import type { AuditContext, GenericAuditEventType } from '../audit/events.js';
import type { Deps } from '../deps.js';
import type { Log } from '../log.js';
import { attachment, XLSX_TYPE } from './attachment.js';
import { drained, sealedStream, sheetCaughtUp, writeExportHead } from './export-stream.js';
import { neutraliseCell } from './neutralise.js';

export type Cell = string | number | null;

/** What an export's row producer writes to. */
export interface ExportSheet {
  /** One row, its values in column order (text neutralised here, DP-08). Returns the rows written so far. */
  add(values: readonly Cell[]): number;
  /**
   * Call after each batch: waits until the file has caught up (memory stays bounded). False when the client
   * has gone: stop reading, the export is audited as incomplete.
   */
  flush(): Promise<boolean>;
  /** Rows written so far. */
  readonly count: number;
}

export interface StreamedExport {
  /** The download's name, and its ASCII fallback for old clients. */
  fileName: string;
  asciiFileName: string;
  sheetName: string;
  columns: readonly { header: string; width: number }[];
  /** The export time in Beijing, as the first line shows it. */
  at: string;
  /** Ends the first line, e.g. "仅限工作使用". */
  note: string;
  /** A printed page footer, when the export is meant to be printed. */
  footer?: string;
  audit: { type: GenericAuditEventType; objectType: string; orgId?: string | null; filters: Record<string, unknown> };
  /** Reads the rows in keyset batches and adds them; may throw an AppError after `incomplete()`. */
  produce: (sheet: ExportSheet, incomplete: () => Promise<void>) => Promise<void>;
}

/**
 * Sends an export as a streamed .xlsx (DP-07): the first line says who exported it, when and under which
 * request; text cells are neutralised (DP-08); memory stays bounded whatever its size. It is audited with its
 * row count, its filters and the SM3 of the bytes sent, written once the whole file has been hashed and before
 * its last bytes go out, so an export that cannot be audited ends broken. A download abandoned half-way is
 * still a disclosure of what was sent: audited as incomplete.
 */
/** Who exports: the use case's context (structurally; the platform knows no Access). */
export interface Exporter extends Pick<Deps, 'db' | 'audit' | 'crypto'> {
  access: { user: { displayName: string; username: string } | null };
  actor: AuditContext;
  log: Log;
  requestId: string | null;
}

export function sendStreamedExport(ctx: Exporter, reply: FastifyReply, o: StreamedExport) {
  const user = ctx.access.user!;
  let count = 0;
  const audit = (detail: Record<string, unknown>, complete: boolean) =>
    ctx.db.transaction().execute((trx) =>
      ctx.audit.record(trx, ctx.actor, {
        type: o.audit.type,
        result: complete ? 'success' : 'failed',
        orgId: o.audit.orgId ?? null,
        objectType: o.audit.objectType,
        detail: { rows: count, filters: o.audit.filters, ...detail },
      }),
    );
  const out = sealedStream(ctx.crypto, (fileSm3, bytes) => audit({ bytes, fileSm3 }, true));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(o.sheetName, { views: [{ state: 'frozen', ySplit: 2 }] });
  sheet.columns = o.columns.map((c) => ({ width: c.width }));
  if (o.footer) sheet.headerFooter.oddFooter = o.footer;

  const writer: ExportSheet = {
    add(values) {
      count += 1;
      sheet.addRow(values.map(cellOut)).commit();
      return count;
    },
    async flush() {
      await sheetCaughtUp(sheet);
      await drained(out);
      return !out.destroyed;
    },
    get count() {
      return count;
    },
  };
  let audited = false;
  const incomplete = async () => {
    if (audited) return;
    audited = true;
    await audit({ incomplete: true }, false);
  };

  const produce = async () => {
    writeExportHead(
      sheet,
      o.columns.map((c) => c.header),
      { user, at: o.at, requestId: ctx.requestId ?? '', note: o.note },
    );
    await o.produce(writer, incomplete);
    if (out.destroyed) return incomplete();
    sheet.commit();
    await workbook.commit();
  };

  reply
    .header('content-disposition', attachment(o.fileName, o.asciiFileName))
    .header('x-content-type-options', 'nosniff')
    .type(XLSX_TYPE);
  produce().catch((err) => {
    ctx.log.error({ err, export: o.audit.type }, 'export failed');
    out.destroy(err instanceof Error ? err : new Error(String(err)));
  });
  return reply.send(out);
}

function cellOut(value: Cell): Cell {
  if (value === null || value === '') return null;
  return typeof value === 'string' ? neutraliseCell(value) : value;
}
