import {
  EDUCATION_LABELS,
  type Education,
  ETHNICITIES,
  type Gender,
  type MemberStatus,
  MOBILITY_LABELS,
  type Mobility,
  parseIdNumber,
  TALENT_FLAGS,
  TALENT_LABELS,
  type TalentFlag,
} from '@tongxin/contracts';
import {
  cleanChoice,
  cleanFreeText,
  cleanName,
  normaliseIdNumber,
  parseLooseDate,
  phoneText,
} from '../../../platform/excel/cell-values.js';
import { quoteCell } from '../../../platform/excel/quote-cell.js';
import { columnOf, type LedgerKey } from './ledger-columns.js';
import type { LedgerRow } from './read-ledger.js';

export interface RowIssue {
  key: LedgerKey;
  message: string;
}

/** A row read into the shape of the create-member body (orgId still to resolve from `orgName`). */
export interface LedgerDraft {
  orgName: string;
  fields: Record<string, unknown>;
  issues: RowIssue[];
}

const GENDERS: Record<string, Gender> = { 男: 'male', 男性: 'male', 女: 'female', 女性: 'female' };

const EDUCATIONS = new Map<string, Education>([
  ...(Object.entries(EDUCATION_LABELS) as [Education, string][]).map(([k, v]) => [v, k] as const),
  ['博士', 'doctor'],
  ['研究生(博士)', 'doctor'],
  ['硕士', 'master'],
  ['研究生(硕士)', 'master'],
  ['研究生', 'master'],
  ['本科', 'bachelor'],
  ['大学', 'bachelor'],
  ['专科', 'college'],
  ['大专', 'college'],
  ['中专', 'secondary'],
  ['中技', 'secondary'],
  ['中专/中技', 'secondary'],
  ['中等专科', 'secondary'],
  ['技校', 'secondary'],
  ['职高', 'high_school'],
  ['初中', 'junior_or_below'],
  ['小学', 'junior_or_below'],
  ['初中及以下', 'junior_or_below'],
]);

const STATUSES: Record<string, MemberStatus> = { 预备党员: 'probationary', 预备: 'probationary', 正式党员: 'full', 正式: 'full' };

const MOBILITY_BY_LABEL = new Map<string, Mobility>([
  ...(Object.entries(MOBILITY_LABELS) as [Mobility, string][]).map(([k, v]) => [v, k] as const),
  ['正常', 'regular'],
  ['流动', 'flowing'],
  ['失联', 'lost_contact'],
]);

const TALENTS = new Map<string, TalentFlag>([
  ...TALENT_FLAGS.map((f) => [TALENT_LABELS[f], f] as const),
  ['领军人才', 'industryLeader'],
  ['行业领军', 'industryLeader'],
  ['创业人才', 'founder'],
  ['创始人', 'founder'],
  ['部门负责人', 'keyDeptHead'],
]);

const header = (key: LedgerKey) => columnOf(key).header;

/**
 * Reads one ledger row: each cell cleaned (NFKC, spaces) and mapped to the API's values, with a message for
 * each cell that cannot be read. The zod schema and checkMemberFacts then judge the draft as they judge the API.
 * Blank gender and birth date come from a valid ID number; a blank status from whether 转正时间 is filled.
 */
export function readLedgerRow(row: LedgerRow, titles: Partial<Record<LedgerKey, string>> = {}): LedgerDraft {
  const { cells } = row;
  const issues: RowIssue[] = [];
  const fields: Record<string, unknown> = {};
  const fail = (key: LedgerKey, message: string) => issues.push({ key, message });

  fields.name = cleanName(cells.name) || undefined;

  const id = normaliseIdNumber(cells.idNumber);
  if (id && !id.ok) fail('idNumber', id.message);
  fields.idNumber = id?.ok ? id.value : undefined;
  const facts = id?.ok ? parseIdNumber(id.value) : null;

  const gender = cleanChoice(cells.gender);
  if (gender === '') fields.gender = facts?.ok ? facts.facts.gender : undefined;
  else if (GENDERS[gender]) fields.gender = GENDERS[gender];
  else fail('gender', `性别${quoteCell(gender)}应为「男」或「女」`);

  const ethnicity = cleanChoice(cells.ethnicity);
  if (ethnicity !== '') {
    const known = (ETHNICITIES as readonly string[]).find((e) => e === ethnicity || e === `${ethnicity}族`);
    if (known) fields.ethnicity = known;
    else fail('ethnicity', `民族${quoteCell(ethnicity)}不是56个民族的名称，请从下拉列表选择（如「汉族」）`);
  }

  for (const key of ['birthDate', 'joinedOn', 'fullOn'] as const) {
    const date = parseLooseDate(cells[key], titles[key] ?? header(key));
    if (date && !date.ok) fail(key, date.message);
    else if (date) fields[key] = date.value;
  }
  if (fields.birthDate === undefined && cells.birthDate === undefined && facts?.ok) fields.birthDate = facts.facts.birthDate;
  fields.fullOn ??= null;

  const education = cleanChoice(cells.education).replace(/[（]/g, '(').replace(/[）]/g, ')');
  if (education !== '') {
    const known = EDUCATIONS.get(education);
    if (known) fields.education = known;
    else
      fail('education', `学历${quoteCell(education)}无法识别，请从下拉列表选择（${Object.values(EDUCATION_LABELS).join('、')}）`);
  }

  const status = cleanChoice(cells.status);
  if (status === '') {
    if (!issues.some((i) => i.key === 'fullOn')) fields.status = fields.fullOn ? 'full' : 'probationary';
  } else if (STATUSES[status]) fields.status = STATUSES[status];
  else fail('status', `党员状态${quoteCell(status)}应为「预备党员」或「正式党员」`);

  const mobility = cleanChoice(cells.mobility);
  if (mobility === '') fields.mobility = 'regular';
  else if (MOBILITY_BY_LABEL.has(mobility)) fields.mobility = MOBILITY_BY_LABEL.get(mobility);
  else fail('mobility', `人员类别${quoteCell(mobility)}应为「正常管理」「流动党员」或「失联党员」`);

  fields.talents = { industryLeader: false, founder: false, keyDeptHead: false };
  const talentText = cleanChoice(cells.talents);
  if (talentText !== '' && talentText !== '无') {
    for (const part of talentText.split(/[、,，;；/|]+/).filter(Boolean)) {
      const flag = TALENTS.get(part);
      if (flag) (fields.talents as Record<TalentFlag, boolean>)[flag] = true;
      else
        fail(
          'talents',
          `重点人才${quoteCell(part)}无法识别，可填：${TALENT_FLAGS.map((f) => TALENT_LABELS[f]).join('、')}（多项用「、」分隔）`,
        );
    }
  }

  const phone = phoneText(cells.phone);
  fields.phone = phone || null;
  fields.employerName = cleanFreeText(cells.employerName) || null;
  fields.position = cleanFreeText(cells.position) || null;
  fields.remarks = cleanFreeText(cells.remarks) || null;

  const orgName = cleanFreeText(cells.org);
  if (orgName === '') fail('org', '请填写所在党组织');
  return { orgName, fields, issues };
}
