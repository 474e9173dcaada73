import { readSheet, type SheetHeader, type SheetLayout, type SheetRow } from '../../../platform/excel/read-sheet.js';
import type { XlsxPackage } from '../../../platform/excel/xlsx-package.js';
import { columnFor, columnOf, type LedgerKey } from './ledger-columns.js';

export { SheetShapeError as LedgerShapeError } from '../../../platform/excel/read-sheet.js';

/** A data row of the ledger: its Excel row number and its cells by column. */
export type LedgerRow = SheetRow<LedgerKey>;
export type LedgerHeader = SheetHeader<LedgerKey>;

/** The member ledger's sheet: found by its 姓名 and 身份证号 columns; these six are needed for any row to pass. */
const LEDGER_LAYOUT: SheetLayout<LedgerKey> = {
  columnFor,
  headerOf: (k) => columnOf(k).header,
  identifying: ['name', 'idNumber'],
  needed: ['name', 'idNumber', 'org', 'ethnicity', 'education', 'joinedOn'],
  seq: 'seq',
  noHeaderMessage: '没有找到表头行：请确认工作表中有「姓名」「身份证号」「所在党组织」等列标题（可下载导入模板对照）',
};

/** Streams the ledger's data rows (see readSheet). */
export function readLedger(pkg: XlsxPackage, onHeader: (h: LedgerHeader) => void): AsyncGenerator<LedgerRow> {
  return readSheet(pkg, LEDGER_LAYOUT, onHeader);
}
