import { PassThrough, type Writable } from 'node:stream';
import {
  EDUCATION_LABELS,
  GENDER_LABELS,
  MEMBER_CATEGORY_LABELS,
  MEMBER_STATUS_LABELS,
  type memberExportQuery,
  TALENT_FLAGS,
  TALENT_LABELS,
} from '@tongxin/contracts';
import ExcelJS from 'exceljs';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { coversSubtree } from '../../../access/access.js';
import type { Deps } from '../../../platform/deps.js';
import { presentTalents } from '../member.presenter.js';
import { memberConditions } from '../member-filter.js';
import { attachment, XLSX_TYPE } from './attachment.js';
import { LEDGER_COLUMNS, type LedgerKey } from './ledger-columns.js';
import { neutraliseCell } from './neutralise.js';

type Query = z.output<typeof memberExportQuery>;

/** Rows read per query: the export walks the ledger in keyset pages, so memory does not grow with its size. */
const BATCH = 1_000;

const COLUMNS = [
  'member.id',
  'member.name',
  'member.name_pinyin',
  'member.gender',
  'member.ethnicity',
  'member.birth_date',
  'member.id_card_masked',
  'member.education',
  'member.joined_on',
  'member.full_on',
  'member.status',
  'member.employer_name',
  'member.position',
  'member.phone_masked',
  'member.category',
  'member.talent_industry_leader',
  'member.talent_founder',
  'member.talent_key_dept_head',
  'member.remarks',
  'org.name as org_name',
] as const;

const pad = (n: number) => String(n).padStart(2, '0');
function beijing(at: Date) {
  const b = new Date(at.getTime() + 8 * 3_600_000);
  const date = `${b.getUTCFullYear()}${pad(b.getUTCMonth() + 1)}${pad(b.getUTCDate())}`;
  const text = `${b.getUTCFullYear()}-${pad(b.getUTCMonth() + 1)}-${pad(b.getUTCDate())} ${pad(b.getUTCHours())}:${pad(b.getUTCMinutes())}`;
  return { date, text };
}

/** Resolves when the consumer has taken what was written (or has gone away). */
function drained(stream: Writable): Promise<void> {
  if (!stream.writableNeedDrain || stream.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      stream.off('drain', done);
      stream.off('close', done);
      resolve();
    };
    stream.on('drain', done);
    stream.on('close', done);
  });
}

/**
 * GET /api/members/export: the filtered ledger as a streamed .xlsx in the import's column layout. ID numbers
 * and phones are masked; every text cell is neutralised against formula injection (DP-08); the first line says
 * who exported it, when, and the request id (DP-07); the export is audited with its row count and filters.
 */
export async function exportMembers(deps: Deps, request: FastifyRequest, reply: FastifyReply, query: Query) {
  const access = request.access;
  if (query.orgId) await access.authorize('member.export', query.orgId, '党组织');
  else access.requireAnywhere('member.export');
  const where = await memberConditions(deps, request, query);
  const wholeSubtree = query.orgId ? await coversSubtree(access, 'member.export', query.orgId, deps.db) : false;
  const exportScope = wholeSubtree ? null : access.within('member.export', 'member.org_id');
  const now = deps.clock.now();
  const when = beijing(now);
  const user = access.user!;

  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet('党员名册', { views: [{ state: 'frozen', ySplit: 2 }] });
  sheet.columns = LEDGER_COLUMNS.map((c) => ({ key: c.key, width: c.width }));
  sheet.headerFooter.oddFooter = `&L导出人：${user.displayName}  &C第 &P 页，共 &N 页&R${when.text}`;

  type Key = { pinyin: string; id: string };
  const page = (key: Key | null) =>
    deps.db
      .selectFrom('member')
      .innerJoin('org', 'org.id', 'member.org_id')
      .select(COLUMNS)
      .where(where)
      .$if(exportScope !== null, (q) => q.where(exportScope!))
      .$if(key !== null, (q) =>
        q.where((eb) =>
          eb.or([
            eb('member.name_pinyin', '>', key!.pinyin),
            eb.and([eb('member.name_pinyin', '=', key!.pinyin), eb('member.id', '>', key!.id)]),
          ]),
        ),
      )
      .orderBy('member.name_pinyin')
      .orderBy('member.id')
      .limit(BATCH)
      .execute();

  const produce = async () => {
    const mark = sheet.addRow([
      `导出人：${user.displayName}（${user.username}）  导出时间：${when.text}（北京时间）  请求编号：${request.id}  身份证号和电话已脱敏，仅限工作使用，请妥善保管`,
    ]);
    mark.font = { color: { argb: 'FF808080' }, size: 9 };
    sheet.mergeCells(1, 1, 1, LEDGER_COLUMNS.length);
    mark.commit();
    const header = sheet.addRow(LEDGER_COLUMNS.map((c) => c.header));
    header.font = { bold: true };
    header.commit();

    let count = 0;
    let after: Key | null = null;
    for (;;) {
      const rows = await page(after);
      for (const r of rows) {
        count += 1;
        const talents = presentTalents(r);
        const values: Record<LedgerKey, string | number | null> = {
          seq: count,
          name: r.name,
          gender: r.gender && GENDER_LABELS[r.gender],
          ethnicity: r.ethnicity,
          birthDate: r.birth_date,
          idCard: r.id_card_masked,
          education: r.education && EDUCATION_LABELS[r.education],
          joinedOn: r.joined_on,
          fullOn: r.full_on,
          status: MEMBER_STATUS_LABELS[r.status],
          org: r.org_name,
          employerName: r.employer_name,
          position: r.position,
          phone: r.phone_masked,
          category: MEMBER_CATEGORY_LABELS[r.category],
          talents: TALENT_FLAGS.filter((f) => talents[f])
            .map((f) => TALENT_LABELS[f])
            .join('、'),
          remarks: r.remarks,
        };
        sheet.addRow(LEDGER_COLUMNS.map((c) => cellOut(values[c.key]))).commit();
      }
      if (rows.length < BATCH) break;
      const lastRow = rows[rows.length - 1]!;
      after = { pinyin: lastRow.name_pinyin, id: lastRow.id };
      await drained(out);
      if (out.destroyed) return;
    }
    // The audit row is written before the file is closed: an export that cannot be audited ends broken.
    await deps.db.transaction().execute((trx) =>
      deps.audit.record(trx, request.auditContext(), {
        type: 'member.export',
        orgId: query.orgId ?? null,
        objectType: 'member',
        detail: { rows: count, filters: Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined)) },
      }),
    );
    sheet.commit();
    await workbook.commit();
  };

  reply
    .header('content-disposition', attachment(`党员名册-${when.date}.xlsx`, `members-${when.date}.xlsx`))
    .header('x-content-type-options', 'nosniff')
    .type(XLSX_TYPE);
  produce().catch((err) => {
    request.log.error({ err }, 'member export failed');
    out.destroy(err instanceof Error ? err : new Error(String(err)));
  });
  return reply.send(out);
}

/** Text goes out neutralised (DP-08); numbers and empty cells as they are. */
function cellOut(value: string | number | null): string | number | null {
  if (value === null || value === '') return null;
  return typeof value === 'string' ? neutraliseCell(value) : value;
}
