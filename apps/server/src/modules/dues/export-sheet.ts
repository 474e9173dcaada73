import {
  ARREARS_LEVEL_LABELS,
  DUES_CATEGORY_LABELS,
  type DuesSheet,
  fenToYuanText,
  MEMBER_STATUS_LABELS,
} from '@tongxin/contracts';
import ExcelJS from 'exceljs';
import type { Ctx } from '../../context.js';
import { neutraliseCell } from '../../platform/excel/neutralise.js';
import { duesSheet } from './dues-sheet.js';

const COLUMNS = [
  { header: '序号', width: 6 },
  { header: '姓名', width: 12 },
  { header: '所在党组织', width: 30 },
  { header: '党员状态', width: 10 },
  { header: '党费类别', width: 16 },
  { header: '月收入基数（元）', width: 16 },
  { header: '应缴金额（元）', width: 14 },
  { header: '减免', width: 20 },
  { header: '实缴金额（元）', width: 14 },
  { header: '缴纳日期', width: 12 },
  { header: '大额党费', width: 10 },
  { header: '说明', width: 24 },
  { header: '连续未缴（月）', width: 14 },
  { header: '提醒', width: 30 },
];

/** The sheet as a workbook: a title row, the header, one row per member (names only, no personal data), totals. */
export async function sheetWorkbook(sheet: DuesSheet): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '同心';
  const ws = workbook.addWorksheet(`${sheet.month}党费收缴`);
  ws.columns = COLUMNS.map((c) => ({ width: c.width }));
  ws.addRow([neutraliseCell(`${sheet.orgName} ${sheet.month} 党费收缴表`)]).font = { bold: true, size: 14 };
  ws.mergeCells(1, 1, 1, COLUMNS.length);
  const header = ws.addRow(COLUMNS.map((c) => c.header));
  header.font = { bold: true };
  const money = (fen: number | null) => (fen === null ? '' : Number(fenToYuanText(fen)));
  for (const [i, r] of sheet.items.entries()) {
    const row = ws.addRow([
      i + 1,
      neutraliseCell(r.name),
      neutraliseCell(r.orgName),
      MEMBER_STATUS_LABELS[r.status],
      r.category ? DUES_CATEGORY_LABELS[r.category] : '未设置',
      money(r.baseFen),
      money(r.dueFen),
      r.reduction ? neutraliseCell(`减免至${fenToYuanText(r.reduction.amountFen)}元：${r.reduction.reason}`) : '',
      money(r.payment?.amountFen ?? null),
      r.payment?.paidOn ?? '',
      r.payment?.large ? '是' : '',
      neutraliseCell(r.payment?.note ?? ''),
      r.arrearsMonths,
      r.arrearsLevel === 'none' ? '' : ARREARS_LEVEL_LABELS[r.arrearsLevel],
    ]);
    for (const col of [6, 7, 9]) row.getCell(col).numFmt = '0.00';
  }
  const t = sheet.totals;
  const totals = ws.addRow([
    '',
    '合计',
    `${t.members}人，已缴${t.paidCount}人`,
    '',
    '',
    '',
    money(t.dueFen),
    '',
    money(t.paidFen),
    '',
    '',
    `未缴${fenToYuanText(t.outstandingFen)}元`,
    '',
    '',
  ]);
  totals.font = { bold: true };
  for (const col of [7, 9]) totals.getCell(col).numFmt = '0.00';
  ws.views = [{ state: 'frozen', ySplit: 2 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The export: the same sheet the page shows (same scope), audited with its row count (dues.export). */
export async function exportSheet(ctx: Ctx, orgId: string, month: string) {
  const sheet = await duesSheet(ctx, orgId, month);
  const file = await sheetWorkbook(sheet);
  await ctx.db.transaction().execute((trx) =>
    ctx.audit.record(trx, ctx.actor, {
      type: 'dues.export',
      orgId,
      objectType: 'org',
      objectId: orgId,
      detail: { month, rows: sheet.items.length },
    }),
  );
  return { file, filename: `${sheet.orgName}-${month}-党费收缴表.xlsx` };
}
