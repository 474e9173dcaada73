import ExcelJS from 'exceljs';
import { type CellValue, cellText } from './cell-values.js';
import type { XlsxPackage } from './xlsx-package.js';

/** A data row of a sheet: its Excel row number and its cells by column key. */
export interface SheetRow<K extends string> {
  row: number;
  cells: Partial<Record<K, CellValue>>;
}

export interface SheetHeader<K extends string> {
  /** The header row's number and the sheet's last row (from the file's own dimension, if it states one). */
  row: number;
  lastRow: number | null;
  /** Each found column's header as the file writes it (the report names columns the way the user sees them). */
  titles: Partial<Record<K, string>>;
}

/** Why a file cannot be read as the expected table at all (no header row, columns missing); shown as the import's message. */
export class SheetShapeError extends Error {}

/** How one kind of sheet (the member ledger, the enterprise registry) is laid out. */
export interface SheetLayout<K extends string> {
  /** The column a header names (after normalising), or undefined. */
  columnFor(rawHeader: string): K | undefined;
  headerOf(key: K): string;
  /** A row is the header only if it names all of these and at least three columns in all. */
  identifying: readonly K[];
  /** Columns without which no row could pass. */
  needed: readonly K[];
  /** The sequence-number column (序号): not data, and 示例 there marks the template's example row. */
  seq?: K;
  noHeaderMessage: string;
}

/** Rows above the header that may hold titles, merged banners and notes. */
const HEADER_SEARCH_ROWS = 30;

/** A header as written in a file, reduced to compare: NFKC, no spaces, no required-marks or trailing colon. */
export function normaliseHeader(raw: string): string {
  return raw
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/[(（]必填[)）]$/, '')
    .replace(/^\*+|\*+$/g, '')
    .replace(/[:：]$/, '')
    .toUpperCase();
}

/**
 * Streams the first worksheet that has the layout's header (found by its cells, below any title rows) and
 * yields its data rows, skipping empty rows and the template's example row. Memory stays bounded: exceljs's
 * streaming reader keeps only the shared strings, and rows are handed on one at a time.
 */
/**
 * Cells without their position (the optional `r` attribute, left out by some generators): exceljs's streaming
 * reader cannot place them and fails inside its parser with a TypeError. Said as what it is, with the fix.
 */
const NO_CELL_POSITIONS =
  '这个文件的单元格缺少位置信息（多由其他软件导出），无法逐行读取：请用 Excel 或 WPS 打开后另存为 .xlsx 再上传';

export async function* readSheet<K extends string>(
  pkg: XlsxPackage,
  layout: SheetLayout<K>,
  onHeader: (h: SheetHeader<K>) => void,
): AsyncGenerator<SheetRow<K>> {
  try {
    yield* readRows(pkg, layout, onHeader);
  } catch (err) {
    if (err instanceof TypeError && err.stack?.includes('exceljs')) throw new SheetShapeError(NO_CELL_POSITIONS);
    throw err;
  }
}

async function* readRows<K extends string>(
  pkg: XlsxPackage,
  layout: SheetLayout<K>,
  onHeader: (h: SheetHeader<K>) => void,
): AsyncGenerator<SheetRow<K>> {
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
    let columns: Map<number, K> | null = null;
    for await (const row of worksheet) {
      const values = row.values as CellValue[];
      if (!columns) {
        // Past the header zone, the rest of the sheet is drained unread (the zip stream moves on only then).
        if (row.number > HEADER_SEARCH_ROWS) continue;
        const found = headerColumns(values, layout);
        if (!found) continue;
        const keys = new Set(found.values());
        const absent = layout.needed.filter((k) => !keys.has(k));
        if (absent.length) {
          missing ??= absent.map((k) => `「${layout.headerOf(k)}」`);
          continue;
        }
        columns = found;
        const titles: Partial<Record<K, string>> = {};
        for (const [index, key] of found) titles[key] = cellText(values[index]).replace(/\s+/g, '');
        onHeader({ row: row.number, lastRow: pkg.sheetRows[sheetIndex] ?? null, titles });
        continue;
      }
      const cells: Partial<Record<K, CellValue>> = {};
      let filled = false;
      for (const [index, key] of columns) {
        const value = values[index];
        if (value === null || value === undefined || cellText(value) === '') continue;
        cells[key] = value;
        if (key !== layout.seq) filled = true;
      }
      if (!filled) continue;
      if (layout.seq && cells[layout.seq] !== undefined && cellText(cells[layout.seq]).includes('示例')) continue;
      yield { row: row.number, cells };
    }
    if (columns) return;
  }
  if (missing) throw new SheetShapeError(`表头缺少 ${missing.join('、')} 列，请对照模板补上这些列后重新上传`);
  throw new SheetShapeError(layout.noHeaderMessage);
}

/** The row's cells read as headers, if it names the identifying columns and at least three recognised. */
function headerColumns<K extends string>(values: CellValue[], layout: SheetLayout<K>): Map<number, K> | null {
  const found = new Map<number, K>();
  const seen = new Set<K>();
  values.forEach((value, index) => {
    if (value === null || value === undefined) return;
    const key = layout.columnFor(cellText(value));
    if (key && !seen.has(key)) {
      seen.add(key);
      found.set(index, key);
    }
  });
  if (!layout.identifying.every((k) => seen.has(k)) || seen.size < 3) return null;
  return found;
}
