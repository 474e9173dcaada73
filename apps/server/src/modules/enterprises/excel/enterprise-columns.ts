import { COVERAGE_KIND_LABELS, OPERATING_STATUS_LABELS } from '@tongxin/contracts';
import { normaliseHeader, type SheetLayout } from '../../../platform/excel/read-sheet.js';
import type { TemplateColumn } from '../../../platform/excel/template.js';

export type EnterpriseKey =
  | 'seq'
  | 'name'
  | 'creditCode'
  | 'district'
  | 'park'
  | 'address'
  | 'mainBusiness'
  | 'employeeCount'
  | 'foundedOn'
  | 'legalRepresentative'
  | 'contactName'
  | 'hasFixedPremises'
  | 'operatingStatus'
  | 'coveringOrg'
  | 'coverageKind';

export interface EnterpriseColumn extends TemplateColumn<EnterpriseKey> {
  aliases: readonly string[];
  /** Shown by the export only (derived, not imported). */
  exportOnly?: boolean;
}

/** The registry's column layout: the template, the importer and the export all read this one list. */
export const ENTERPRISE_COLUMNS: readonly EnterpriseColumn[] = [
  { key: 'seq', header: '序号', aliases: ['编号', 'NO', 'NO.'], width: 6, note: '可留空；填「示例」的行不导入' },
  { key: 'name', header: '企业名称', aliases: ['单位名称', '名称'], width: 28, required: true, note: '必填，2—80个字' },
  {
    key: 'creditCode',
    header: '统一社会信用代码',
    aliases: ['信用代码', '社会信用代码', '统一代码'],
    width: 22,
    text: true,
    required: true,
    note: '必填，18位，按 GB 32100 校验（不含字母 I、O、Z、S、V）',
  },
  {
    key: 'district',
    header: '所属区县',
    aliases: ['区县', '所在区县', '所属区县党委'],
    width: 28,
    required: true,
    note: '必填，区县互联网行业党委的全称（须在您的管理范围内）',
  },
  {
    key: 'park',
    header: '所属园区',
    aliases: ['园区', '所在园区', '所属园区党委'],
    width: 28,
    note: '选填，该区县下园区党委的全称',
  },
  { key: 'address', header: '地址', aliases: ['企业地址', '经营地址', '注册地址'], width: 30, note: '选填，120字以内' },
  { key: 'mainBusiness', header: '主营业务', aliases: ['经营范围', '主要业务'], width: 24, note: '选填，200字以内' },
  { key: 'employeeCount', header: '从业人数', aliases: ['员工人数', '职工人数', '人数'], width: 10, note: '选填，整数' },
  { key: 'foundedOn', header: '成立日期', aliases: ['成立时间', '注册日期'], width: 12, note: '选填，如 2018-03-01' },
  { key: 'legalRepresentative', header: '法定代表人', aliases: ['法人', '法人代表'], width: 12, note: '选填' },
  { key: 'contactName', header: '联系人', aliases: ['党建联系人', '企业联系人'], width: 12, note: '选填' },
  {
    key: 'hasFixedPremises',
    header: '有无固定经营场所',
    aliases: ['固定经营场所', '有固定经营场所', '固定场所'],
    width: 10,
    note: '有/无；留空为「有」',
  },
  {
    key: 'operatingStatus',
    header: '经营状态',
    aliases: ['登记状态', '企业状态'],
    width: 10,
    note: `${Object.values(OPERATING_STATUS_LABELS).join('/')}；留空为「在营」`,
  },
  {
    key: 'coveringOrg',
    header: '覆盖党组织',
    aliases: ['所属党组织', '党组织', '党组织名称'],
    width: 30,
    note: '选填，覆盖该企业的党支部或联合党支部全称；留空为未覆盖',
  },
  {
    key: 'coverageKind',
    header: '覆盖方式',
    aliases: [],
    width: 10,
    exportOnly: true,
    note: `导出时显示（${Object.values(COVERAGE_KIND_LABELS).join('/')}），导入时按覆盖党组织的类型确定`,
  },
];

export const IMPORT_COLUMNS = ENTERPRISE_COLUMNS.filter((c) => !c.exportOnly);

const BY_HEADER = new Map<string, EnterpriseKey>(
  IMPORT_COLUMNS.flatMap((c) => [c.header, ...c.aliases].map((h) => [normaliseHeader(h), c.key] as const)),
);
export const enterpriseColumnOf = (key: EnterpriseKey) => ENTERPRISE_COLUMNS.find((c) => c.key === key)!;

export const ENTERPRISE_LAYOUT: SheetLayout<EnterpriseKey> = {
  columnFor: (raw) => BY_HEADER.get(normaliseHeader(raw)),
  headerOf: (k) => enterpriseColumnOf(k).header,
  identifying: ['name', 'creditCode'],
  needed: ['name', 'creditCode', 'district'],
  seq: 'seq',
  noHeaderMessage: '没有找到表头行：请确认工作表中有「企业名称」「统一社会信用代码」「所属区县」等列标题（可下载导入模板对照）',
};
