import {
  EDUCATION_LABELS,
  ETHNICITIES,
  GENDER_LABELS,
  MEMBER_IMPORT_LIMITS,
  MEMBER_STATUS_LABELS,
  MOBILITY_LABELS,
} from '@tongxin/contracts';
import type { Ctx } from '../../../context.js';
import { templateWorkbook as sheetTemplate } from '../../../platform/excel/template.js';
import { LEDGER_COLUMNS, type LedgerColumn, type LedgerKey } from './ledger-columns.js';

/**
 * The last row that carries the dropdowns: as many member rows as one import takes, below the title, the header
 * and the example row (which the user may keep or delete).
 */
export const TEMPLATE_LAST_ROW = 3 + MEMBER_IMPORT_LIMITS.maxRows;

const LISTS: Partial<Record<LedgerKey, readonly string[]>> = {
  gender: Object.values(GENDER_LABELS),
  ethnicity: ETHNICITIES,
  education: Object.values(EDUCATION_LABELS),
  status: Object.values(MEMBER_STATUS_LABELS),
  mobility: Object.values(MOBILITY_LABELS),
};

const EXAMPLE: Record<LedgerKey, string> = {
  seq: '示例',
  name: '张三',
  gender: '男',
  ethnicity: '汉族',
  birthDate: '1990-05-17',
  idNumber: '110101199005170016',
  education: '大学本科',
  joinedOn: '2015-06-30',
  fullOn: '2016-07-01',
  status: '正式党员',
  org: '某某科技有限公司党支部',
  employerName: '某某科技有限公司',
  position: '工程师',
  phone: '13800000000',
  mobility: '正常管理',
  talents: '行业领军人才、创业者',
  remarks: '此行为示例，导入时自动跳过，可删除',
};

/**
 * GET /api/members/import/template: the ledger's columns in order under a title row, the header frozen,
 * widths set, dropdowns for the choice columns (lists on a hidden sheet), ID and phone columns as text, an
 * example row marked 示例 (skipped by the importer) and a sheet of notes per column.
 */
export async function importTemplate(ctx: Ctx): Promise<Buffer> {
  ctx.access.requireAnywhere('member.import');
  return templateWorkbook(LEDGER_COLUMNS);
}

/** The ledger's template for a column layout (the ledger's; tests pass a wider one). */
export function templateWorkbook(columns: readonly LedgerColumn[]): Promise<Buffer> {
  return sheetTemplate({
    sheetName: '党员名册',
    title: '党员基础信息台账（导入模板）',
    columns,
    lists: LISTS,
    example: EXAMPLE,
    lastRow: TEMPLATE_LAST_ROW,
  });
}
