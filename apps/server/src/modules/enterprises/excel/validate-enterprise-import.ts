import { createEnterpriseBody, type EnterpriseInput, MEMBER_IMPORT_LIMITS, type MemberImportIssue } from '@tongxin/contracts';
import { enterpriseVisible } from '../../../access/enterprise-scope.js';
import type { Ctx } from '../../../context.js';
import { beijingDate } from '../../../platform/clock.js';
import {
  dropStagedRows,
  finishImport,
  type ImportProgress,
  reportProgress,
  type StagedRow,
  stageRows,
} from '../../../platform/excel/import-jobs.js';
import { maskCell } from '../../../platform/excel/quote-cell.js';
import { readSheet, SheetShapeError } from '../../../platform/excel/read-sheet.js';
import type { XlsxPackage } from '../../../platform/excel/xlsx-package.js';
import { codeHolders, visibleNames } from '../enterprise.repository.js';
import { areaResolver } from './area-resolver.js';
import { ENTERPRISE_LAYOUT, type EnterpriseKey, enterpriseColumnOf } from './enterprise-columns.js';
import { type RowIssue, readEnterpriseRow } from './enterprise-row.js';

/** Enterprises in one file: a city registers a few thousand. */
export const ENTERPRISE_IMPORT_MAX_ROWS = 10_000;
const BATCH = 500;

/** Where a field of the create body shows in the sheet. */
const KEY_OF: Record<string, EnterpriseKey> = { areaOrgId: 'district', coveringOrgId: 'coveringOrg' };

interface Pending {
  row: number;
  name: string | null;
  input: EnterpriseInput | null;
  issues: RowIssue[];
}

/**
 * The background half of an enterprise upload, in the member ledger's pattern: every row judged as the API
 * judges it (the same zod schema and GB 32100 check), org names resolved within the user's scope, codes checked
 * for repeats in the file and against the registry, clean rows staged sealed. Nothing reaches `enterprise` here.
 */
export async function validateEnterpriseImport(ctx: Ctx, importId: string, pkg: XlsxPackage): Promise<void> {
  const { access, log } = ctx;
  const today = beijingDate(ctx.clock.now());
  const orgs = areaResolver(ctx.db, access);
  const issues: MemberImportIssue[] = [];
  const firstRowOf = new Map<string, number>();
  const progress: ImportProgress = { totalRows: null, processed: 0, rowCount: 0, errorRows: 0, issueCount: 0 };
  let titles: Partial<Record<EnterpriseKey, string>> = {};
  let batch: Pending[] = [];

  const report = (row: number, name: string | null, issue: RowIssue) => {
    progress.issueCount += 1;
    if (issues.length < MEMBER_IMPORT_LIMITS.maxReportIssues) {
      issues.push({
        row,
        column: titles[issue.key] ?? enterpriseColumnOf(issue.key).header,
        message: maskCell(issue.message),
        name: name === null ? null : maskCell(name),
      });
    }
  };

  const flush = async () => {
    const codes = batch.flatMap((p) => (p.input ? [p.input.creditCode] : []));
    const byCode = await codeHolders(ctx.db, codes);
    const nameOf = await visibleNames(ctx.db, [...byCode.values()], enterpriseVisible(access, today));
    const clean: StagedRow<EnterpriseInput>[] = [];
    for (const p of batch) {
      const holder = p.input ? byCode.get(p.input.creditCode) : undefined;
      if (holder) {
        const name = nameOf.get(holder);
        p.issues.push({ key: 'creditCode', message: `该统一社会信用代码已登记在${name ? `“${name}”` : '其他单位的名录中'}` });
      }
      if (p.issues.length) {
        progress.errorRows += 1;
        for (const issue of p.issues) report(p.row, p.name, issue);
      } else if (p.input) clean.push({ row: p.row, input: p.input });
    }
    if (progress.errorRows === 0 && clean.length) await stageRows(ctx, importId, clean);
    batch = [];
    await reportProgress(ctx.db, importId, progress, ctx.clock.now());
  };

  try {
    for await (const line of readSheet(pkg, ENTERPRISE_LAYOUT, (h) => {
      titles = h.titles;
      progress.totalRows = h.lastRow;
    })) {
      progress.rowCount += 1;
      progress.processed = line.row;
      if (progress.rowCount > ENTERPRISE_IMPORT_MAX_ROWS) {
        throw new SheetShapeError(`一个文件最多导入 ${ENTERPRISE_IMPORT_MAX_ROWS} 家企业，请分成几个文件上传`);
      }
      const draft = readEnterpriseRow(line, titles);
      const body: Record<string, unknown> = { ...draft.fields, areaOrgId: undefined, coveringOrgId: null };
      if (draft.districtName) {
        const district = await orgs.district(draft.districtName);
        if (!district.ok) draft.issues.push({ key: 'district', message: district.message });
        else if (draft.parkName) {
          const park = await orgs.park(draft.parkName, district.id);
          if (park.ok) body.areaOrgId = park.id;
          else draft.issues.push({ key: 'park', message: park.message });
        } else body.areaOrgId = district.id;
      }
      if (draft.coveringName) {
        const covering = await orgs.covering(draft.coveringName);
        if (covering.ok) body.coveringOrgId = covering.id;
        else draft.issues.push({ key: 'coveringOrg', message: covering.message });
      }
      const parsed = createEnterpriseBody.safeParse(body);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          const field = String(issue.path[0] ?? 'name');
          const key = KEY_OF[field] ?? (field as EnterpriseKey);
          // A cell already reported as unreadable is not reported again by the schema.
          if (draft.issues.some((i) => i.key === key)) continue;
          draft.issues.push({ key, message: field === 'areaOrgId' ? '请填写所属区县' : issue.message });
        }
      }
      const input = parsed.success ? parsed.data : null;
      if (input?.foundedOn && input.foundedOn > today) draft.issues.push({ key: 'foundedOn', message: '成立日期不能晚于今天' });
      if (input) {
        const first = firstRowOf.get(input.creditCode);
        if (first !== undefined) draft.issues.push({ key: 'creditCode', message: `统一社会信用代码与第 ${first} 行重复` });
        else firstRowOf.set(input.creditCode, line.row);
      }
      const name = typeof draft.fields.name === 'string' ? draft.fields.name : null;
      batch.push({ row: line.row, name, input: draft.issues.length ? null : input, issues: draft.issues });
      if (batch.length >= BATCH) await flush();
    }
    await flush();
    if (progress.rowCount === 0) throw new SheetShapeError('文件中没有企业数据行（表头下方是空的）');
    if (progress.errorRows > 0) await dropStagedRows(ctx.db, importId);
    progress.processed = Math.max(progress.processed, progress.totalRows ?? 0);
    await finishImport(ctx.db, importId, { status: 'ready', message: null, issues, ...progress }, ctx.clock.now());
  } catch (err) {
    const message = err instanceof SheetShapeError ? err.message : '文件无法读取，请用 Excel 或 WPS 打开后另存为 .xlsx 再上传';
    if (!(err instanceof SheetShapeError)) {
      const reason = err instanceof Error ? `${err.name}: ${err.message}`.replace(/\d{6,}/g, '[…]').slice(0, 300) : 'unknown';
      log.error({ importId, reason }, 'enterprise import validation failed');
    }
    await dropStagedRows(ctx.db, importId);
    await finishImport(ctx.db, importId, { status: 'failed', message, issues, ...progress }, ctx.clock.now());
  }
}
