import { MEMBER_FIELD_LABELS } from '@tongxin/contracts';
import { normaliseHeader } from '../../../platform/excel/read-sheet.js';

export { normaliseHeader };

/** What a ledger column holds: a member field, or the row's sequence number (序号), which is not stored. */
export type LedgerKey =
  | 'seq'
  | 'name'
  | 'gender'
  | 'ethnicity'
  | 'birthDate'
  | 'idNumber'
  | 'education'
  | 'joinedOn'
  | 'fullOn'
  | 'status'
  | 'org'
  | 'employerName'
  | 'position'
  | 'phone'
  | 'mobility'
  | 'talents'
  | 'remarks';

export interface LedgerColumn {
  key: LedgerKey;
  header: string;
  /** Other headers the importer accepts for this column (compared after normaliseHeader). */
  aliases: readonly string[];
  /** Column width in the template and the export, in characters. */
  width: number;
  /** Stored as text (@) so Excel keeps every digit and leading zero. */
  text?: boolean;
  /** A column the importer cannot do without. */
  required?: boolean;
  /** Shown in the template's notes sheet. */
  note: string;
}

/**
 * The member ledger's column layout, in the order party affairs workers keep it. The template, the importer
 * and the export all read this one list.
 */
export const LEDGER_COLUMNS: readonly LedgerColumn[] = [
  { key: 'seq', header: '序号', aliases: ['编号', 'NO', 'NO.'], width: 6, note: '可留空；填「示例」的行不导入' },
  {
    key: 'name',
    header: MEMBER_FIELD_LABELS.name,
    aliases: ['党员姓名'],
    width: 10,
    required: true,
    note: '必填，2—30个字',
  },
  { key: 'gender', header: MEMBER_FIELD_LABELS.gender, aliases: [], width: 6, note: '男/女；留空时按身份证号填写' },
  { key: 'ethnicity', header: MEMBER_FIELD_LABELS.ethnicity, aliases: [], width: 10, note: '必填，如「汉族」（可简写为「汉」）' },
  {
    key: 'birthDate',
    header: MEMBER_FIELD_LABELS.birthDate,
    aliases: ['出生年月', '出生年月日', '出生时间'],
    width: 12,
    note: '留空时按身份证号填写；须与身份证号一致',
  },
  {
    key: 'idNumber',
    header: MEMBER_FIELD_LABELS.idNumber,
    aliases: ['身份证号码', '公民身份号码', '公民身份证号', '公民身份证号码', '身份证'],
    width: 21,
    text: true,
    required: true,
    note: '必填，18位（末位可为X）或15位；请保持本列为文本格式，否则 Excel 会截断末尾几位',
  },
  {
    key: 'education',
    header: MEMBER_FIELD_LABELS.education,
    aliases: ['文化程度', '最高学历', '学历学位'],
    width: 12,
    note: '必填，从下拉列表选择',
  },
  {
    key: 'joinedOn',
    header: MEMBER_FIELD_LABELS.joinedOn,
    aliases: ['入党日期', '加入党组织日期', '入党年月'],
    width: 12,
    note: '必填，如 2015-06-30、2015年6月30日 或 2015.06（记为当月1日）',
  },
  {
    key: 'fullOn',
    header: MEMBER_FIELD_LABELS.fullOn,
    aliases: ['转正日期', '转为正式党员日期', '转正年月'],
    width: 12,
    note: '正式党员必填；预备党员留空',
  },
  {
    key: 'status',
    header: MEMBER_FIELD_LABELS.status,
    aliases: ['党员类型', '党员类别'],
    width: 10,
    note: '预备党员/正式党员；留空时有转正时间的记为正式党员，否则为预备党员',
  },
  {
    key: 'org',
    header: MEMBER_FIELD_LABELS.orgId,
    aliases: ['所在党支部', '所在支部', '党组织', '党组织名称', '所属党组织', '所属党支部'],
    width: 30,
    required: true,
    note: '必填，与系统中党组织的全称一致（须是您有权导入的党支部、联合党支部或党总支）',
  },
  { key: 'employerName', header: MEMBER_FIELD_LABELS.employerName, aliases: ['单位', '工作单位名称'], width: 24, note: '选填' },
  { key: 'position', header: MEMBER_FIELD_LABELS.position, aliases: ['职务职称', '现任职务'], width: 12, note: '选填' },
  {
    key: 'phone',
    header: MEMBER_FIELD_LABELS.phone,
    aliases: ['手机号', '手机号码', '手机', '联系方式', '电话', '电话号码', '移动电话'],
    width: 14,
    text: true,
    note: '选填，11位手机号码',
  },
  {
    key: 'mobility',
    header: MEMBER_FIELD_LABELS.mobility,
    aliases: ['管理类别'],
    width: 10,
    note: '正常管理/流动党员/失联党员；留空为正常管理',
  },
  {
    key: 'talents',
    header: MEMBER_FIELD_LABELS.talents,
    aliases: ['重点人才类型', '人才类型'],
    width: 20,
    note: '选填，可多项，用「、」分隔：行业领军人才、创业者、重点部门负责人',
  },
  { key: 'remarks', header: MEMBER_FIELD_LABELS.remarks, aliases: [], width: 24, note: '选填，500字以内' },
];

const BY_HEADER = new Map<string, LedgerKey>(
  LEDGER_COLUMNS.flatMap((c) => [c.header, ...c.aliases].map((h) => [normaliseHeader(h), c.key] as const)),
);

/** The column a header names, or undefined. */
export function columnFor(rawHeader: string): LedgerKey | undefined {
  return BY_HEADER.get(normaliseHeader(rawHeader));
}

export const columnOf = (key: LedgerKey): LedgerColumn => LEDGER_COLUMNS.find((c) => c.key === key)!;
