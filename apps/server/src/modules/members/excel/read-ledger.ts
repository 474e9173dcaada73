import ExcelJS from 'exceljs';
import type { CellValue } from '../../../platform/excel/cell-values.js';
import { cellText } from '../../../platform/excel/cell-values.js';
import type { XlsxPackage } from '../../../platform/excel/xlsx-package.js';
import { columnFor, columnOf, type LedgerKey } from './ledger-columns.js';

/** A data row of the ledger: its Excel row number and its cells by column. */
export interface LedgerRow {
  row: number;
  cells: Partial<Record<LedgerKey, CellValue>>;
}

export interface LedgerHeader {
  /** The header row's number and the sheet's last row (from the file's own dimension, if it states one). */
  row: number;
  lastRow: number | null;
  /** Each found column's header as the file writes it (the report names columns the way the user sees them). */
  titles: Partial<Record<LedgerKey, string>>;
}

/** Why a file cannot be read as a ledger at all (no header row, columns missing); shown as the import's message. */
export class LedgerShapeError extends Error {}

/** Rows above the header that may hold titles, merged banners and notes. */
const HEADER_SEARCH_ROWS = 30;

/** The columns without which no row could pass (the others are optional or derived from the ID number). */
const NEEDED: readonly LedgerKey[] = ['name', 'idNumber', 'org', 'ethnicity', 'education', 'joinedOn'];

/**
 * Streams the first worksheet that has a ledger header (found by its cells, below any title rows) and yields
 * its data rows, skipping empty rows and the template's example row. Memory stays bounded: exceljs's streaming
 * reader keeps only the shared strings, and rows are handed on one at a time.
 */
export async function* readLedger(pkg: XlsxPackage, onHeader: (h: LedgerHeader) => void): AsyncGenerator<LedgerRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(pkg.stream(), {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  let sheetIndex = -1;
  let missing: string[] | null = null;
  for await (const worksheet of reader) {
    sheetIndex += 1;
    let columns: Map<number, LedgerKey> | null = null;
    for await (const row of worksheet) {
      const values = row.values as CellValue[];
      if (!columns) {
        // Past the header zone, the rest of the sheet is drained unread (the zip stream moves on only then).
        if (row.number > HEADER_SEARCH_ROWS) continue;
        const found = headerColumns(values);
        if (!found) continue;
        const keys = new Set(found.values());
        const absent = NEEDED.filter((k) => !keys.has(k));
        if (absent.length) {
          missing ??= absent.map((k) => `「${columnOf(k).header}」`);
          continue;
        }
        columns = found;
        const titles: Partial<Record<LedgerKey, string>> = {};
        for (const [index, key] of found) titles[key] = cellText(values[index]).replace(/\s+/g, '');
        onHeader({ row: row.number, lastRow: pkg.sheetRows[sheetIndex] ?? null, titles });
        continue;
      }
      const cells: Partial<Record<LedgerKey, CellValue>> = {};
      let filled = false;
      for (const [index, key] of columns) {
        const value = values[index];
        if (value === null || value === undefined || cellText(value) === '') continue;
        cells[key] = value;
        if (key !== 'seq') filled = true;
      }
      if (!filled) continue;
      if (cells.seq !== undefined && cellText(cells.seq).includes('示例')) continue;
      yield { row: row.number, cells };
    }
    if (columns) return;
  }
  if (missing) throw new LedgerShapeError(`表头缺少 ${missing.join('、')} 列，请对照模板补上这些列后重新上传`);
  throw new LedgerShapeError('没有找到表头行：请确认工作表中有「姓名」「身份证号」「所在党组织」等列标题（可下载导入模板对照）');
}

/** The row's cells read as ledger headers, if it has the name and ID columns and at least three recognised. */
function headerColumns(values: CellValue[]): Map<number, LedgerKey> | null {
  const found = new Map<number, LedgerKey>();
  const seen = new Set<LedgerKey>();
  values.forEach((value, index) => {
    if (value === null || value === undefined) return;
    const key = columnFor(cellText(value));
    if (key && !seen.has(key)) {
      seen.add(key);
      found.set(index, key);
    }
  });
  if (!seen.has('name') || !seen.has('idNumber') || seen.size < 3) return null;
  return found;
}
