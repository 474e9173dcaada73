import { OPERATING_STATUS_LABELS, type OperatingStatus } from '@tongxin/contracts';
import {
  type CellValue,
  cleanChoice,
  cleanFreeText,
  cleanName,
  parseLooseDate,
  plainValue,
} from '../../../platform/excel/cell-values.js';
import { quoteCell } from '../../../platform/excel/quote-cell.js';
import type { SheetRow } from '../../../platform/excel/read-sheet.js';
import type { EnterpriseKey } from './enterprise-columns.js';

export interface RowIssue {
  key: EnterpriseKey;
  message: string;
}

/** A row read into the shape of the create body; the org names are resolved afterwards. */
export interface EnterpriseDraft {
  districtName: string;
  parkName: string;
  coveringName: string;
  fields: Record<string, unknown>;
  issues: RowIssue[];
}

const STATUSES = new Map<string, OperatingStatus>([
  ...(Object.entries(OPERATING_STATUS_LABELS) as [OperatingStatus, string][]).map(([k, v]) => [v, k] as const),
  ['存续', 'operating'],
  ['开业', 'operating'],
  ['正常', 'operating'],
  ['歇业', 'suspended'],
  ['吊销', 'deregistered'],
  ['已注销', 'deregistered'],
]);
const YES = new Set(['有', '是', 'Y', 'YES', '√']);
const NO = new Set(['无', '否', '没有', 'N', 'NO', '×']);

function integer(value: CellValue): number | null | 'bad' {
  const v = plainValue(value);
  if (v === null || v === '') return null;
  const n =
    typeof v === 'number'
      ? v
      : Number(
          String(v)
            .normalize('NFKC')
            .replace(/[,，\s人]/g, ''),
        );
  return Number.isInteger(n) ? n : 'bad';
}

/** Reads one registry row: cells cleaned and mapped to the API's values, a message per unreadable cell. */
export function readEnterpriseRow(row: SheetRow<EnterpriseKey>, titles: Partial<Record<EnterpriseKey, string>>): EnterpriseDraft {
  const { cells } = row;
  const issues: RowIssue[] = [];
  const fields: Record<string, unknown> = {};
  const fail = (key: EnterpriseKey, message: string) => issues.push({ key, message });

  fields.name = cleanFreeText(cells.name) || undefined;
  fields.creditCode = cleanChoice(cells.creditCode) || undefined;
  fields.address = cleanFreeText(cells.address) || null;
  fields.mainBusiness = cleanFreeText(cells.mainBusiness) || null;
  fields.legalRepresentative = cleanName(cells.legalRepresentative) || null;
  fields.contactName = cleanName(cells.contactName) || null;

  const employees = integer(cells.employeeCount);
  if (employees === 'bad') fail('employeeCount', `从业人数${quoteCell(cleanChoice(cells.employeeCount))}应为整数`);
  else fields.employeeCount = employees;

  const founded = parseLooseDate(cells.foundedOn, titles.foundedOn ?? '成立日期');
  if (founded && !founded.ok) fail('foundedOn', founded.message);
  fields.foundedOn = founded?.ok ? founded.value : null;

  const premises = cleanChoice(cells.hasFixedPremises).toUpperCase();
  if (premises === '' || YES.has(premises)) fields.hasFixedPremises = true;
  else if (NO.has(premises)) fields.hasFixedPremises = false;
  else fail('hasFixedPremises', `有无固定经营场所${quoteCell(premises)}应为「有」或「无」`);

  const status = cleanChoice(cells.operatingStatus);
  if (status === '') fields.operatingStatus = 'operating';
  else if (STATUSES.has(status)) fields.operatingStatus = STATUSES.get(status);
  else fail('operatingStatus', `经营状态${quoteCell(status)}应为「${Object.values(OPERATING_STATUS_LABELS).join('」「')}」之一`);

  return {
    districtName: cleanChoice(cells.district),
    parkName: cleanChoice(cells.park),
    coveringName: cleanChoice(cells.coveringOrg),
    fields,
    issues,
  };
}
