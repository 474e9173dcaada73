import { MEMBER_IMPORT_LIMITS, type MemberImportIssue, type MemberInput, maskIdNumber, parseIdNumber } from '@tongxin/contracts';
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
import type { XlsxPackage } from '../../../platform/excel/xlsx-package.js';
import { idNumberIndex } from '../member.repository.js';
import {
  describeDuplicate,
  OUTSIDE_SCOPE_HITS_PER_DAY,
  outsideScopeHitEvent,
  outsideScopeHitsLeft,
} from '../member-duplicates.js';
import { judgeRow } from './judge-row.js';
import { columnOf, type LedgerKey } from './ledger-columns.js';
import { type RowIssue, readLedgerRow } from './ledger-row.js';
import { findActiveHolders } from './member-import.repository.js';
import { orgResolver } from './org-resolver.js';
import { LedgerShapeError, readLedger } from './read-ledger.js';

/** Rows checked and staged together: one duplicate query and one insert per batch, and a progress report. */
const BATCH = 500;

interface Pending {
  row: number;
  name: string | null;
  input: MemberInput | null;
  index: string | null;
  /** The parsed ID number, only to mask it into the audit of an outside-scope hit. */
  idNumber: string | null;
  issues: RowIssue[];
}

/**
 * The background half of an upload: reads the workbook row by row, judges every row as the API would, finds
 * duplicates in the file and against active records, and stages each clean row sealed with SM4. Progress is
 * written as it goes; the report (row, column, message) at the end. Nothing reaches `member` here.
 */
export async function validateImport(ctx: Ctx, importId: string, pkg: XlsxPackage): Promise<void> {
  const { access, log } = ctx;
  const today = beijingDate(ctx.clock.now());
  const resolveOrg = orgResolver(ctx.db, access);
  const issues: MemberImportIssue[] = [];
  const firstRowOf = new Map<string, number>();
  const progress: ImportProgress = { totalRows: null, processed: 0, rowCount: 0, errorRows: 0, issueCount: 0 };
  let titles: Partial<Record<LedgerKey, string>> = {};
  let batch: Pending[] = [];
  // The same daily allowance of outside-scope hits as the form: a file is not a way round it.
  let hitsLeft = await outsideScopeHitsLeft(ctx.db, access.user!.id, ctx.clock.now());

  const report = (row: number, name: string | null, issue: RowIssue) => {
    progress.issueCount += 1;
    if (issues.length < MEMBER_IMPORT_LIMITS.maxReportIssues) {
      // The report is stored and shown: whatever of the file it carries is masked (a shifted column can put
      // an ID number under 姓名), on top of each message quoting its cell through quoteCell.
      issues.push({
        row,
        column: titles[issue.key] ?? columnOf(issue.key).header,
        message: maskCell(issue.message),
        name: name === null ? null : maskCell(name),
      });
    }
  };

  const outsideScopeHit = async (p: Pending) => {
    if (hitsLeft === 0) {
      throw new LedgerShapeError(
        `文件中查到的范围外在册党员身份证号已达每日上限（${OUTSIDE_SCOPE_HITS_PER_DAY} 个），校验中止；请联系上级党委核实这些人员后再导入`,
      );
    }
    hitsLeft -= 1;
    const event = outsideScopeHitEvent(maskIdNumber(p.idNumber ?? ''), 'import');
    await ctx.db.transaction().execute((trx) => ctx.audit.record(trx, ctx.actor, event));
  };

  const flush = async () => {
    const indexes = batch.flatMap((p) => (p.index ? [p.index] : []));
    const existing = indexes.length ? await findActiveHolders(ctx.db, indexes) : [];
    const byIndex = new Map(existing.map((e) => [e.id_number_index, e]));
    const clean: StagedRow<MemberInput>[] = [];
    for (const p of batch) {
      const holder = p.index ? byIndex.get(p.index) : undefined;
      if (holder) {
        const { inScope, message } = await describeDuplicate(access, holder);
        if (!inScope) await outsideScopeHit(p);
        p.issues.push({ key: 'idNumber', message });
      }
      if (p.issues.length) {
        progress.errorRows += 1;
        for (const issue of p.issues) report(p.row, p.name, issue);
      } else if (p.input) {
        clean.push({ row: p.row, input: p.input });
      }
    }
    // Once a row has failed the file cannot be confirmed: staging more would only be deleted again.
    if (progress.errorRows === 0 && clean.length) await stageRows(ctx, importId, clean);
    batch = [];
    await reportProgress(ctx.db, importId, progress, ctx.clock.now());
  };

  try {
    for await (const line of readLedger(pkg, (h) => {
      titles = h.titles;
      progress.totalRows = h.lastRow;
    })) {
      progress.rowCount += 1;
      progress.processed = line.row;
      if (progress.rowCount > MEMBER_IMPORT_LIMITS.maxRows) {
        throw new LedgerShapeError(`一个文件最多导入 ${MEMBER_IMPORT_LIMITS.maxRows} 名党员，请分成几个文件上传`);
      }
      const draft = readLedgerRow(line, titles);
      const org = draft.orgName ? await resolveOrg(draft.orgName) : null;
      if (org && !org.ok) draft.issues.push({ key: 'org', message: org.message });
      const judged = judgeRow(draft, org?.ok ? org.orgId : null, today);
      const id = typeof draft.fields.idNumber === 'string' ? parseIdNumber(draft.fields.idNumber) : null;
      const index = id?.ok ? idNumberIndex(ctx.crypto, id.facts.number) : null;
      if (index) {
        const first = firstRowOf.get(index);
        if (first !== undefined) judged.issues.push({ key: 'idNumber', message: `身份证号与第 ${first} 行重复` });
        else firstRowOf.set(index, line.row);
      }
      const name = typeof draft.fields.name === 'string' ? draft.fields.name : null;
      batch.push({
        row: line.row,
        name,
        input: judged.input,
        index,
        idNumber: id?.ok ? id.facts.number : null,
        issues: judged.issues,
      });
      if (batch.length >= BATCH) await flush();
    }
    await flush();
    if (progress.rowCount === 0) throw new LedgerShapeError('文件中没有党员数据行（表头下方是空的）');
    if (progress.errorRows > 0) await dropStagedRows(ctx.db, importId);
    progress.processed = Math.max(progress.processed, progress.totalRows ?? 0);
    await finishImport(ctx.db, importId, { status: 'ready', message: null, issues, ...progress }, ctx.clock.now());
  } catch (err) {
    const message = err instanceof LedgerShapeError ? err.message : '文件无法读取，请用 Excel 或 WPS 打开后另存为 .xlsx 再上传';
    // A parser's message may quote the cell it choked on: long digit runs (ID numbers, phones) are cut out.
    if (!(err instanceof LedgerShapeError)) {
      const reason = err instanceof Error ? `${err.name}: ${err.message}`.replace(/\d{6,}/g, '[…]').slice(0, 300) : 'unknown';
      log.error({ importId, reason }, 'member import validation failed');
    }
    await dropStagedRows(ctx.db, importId);
    await finishImport(ctx.db, importId, { status: 'failed', message, issues, ...progress }, ctx.clock.now());
  }
}
