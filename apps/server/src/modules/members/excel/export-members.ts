import {
  EDUCATION_LABELS,
  GENDER_LABELS,
  MEMBER_STATUS_LABELS,
  MOBILITY_LABELS,
  type memberExportQuery,
  TALENT_FLAGS,
  TALENT_LABELS,
} from '@tongxin/contracts';
import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import type { Ctx } from '../../../context.js';
import { sendStreamedExport } from '../../../platform/excel/streamed-export.js';
import { AppError } from '../../../platform/http/errors.js';
import { maskPersonal } from '../../../platform/http/log-redaction.js';
import { presentTalents } from '../member.presenter.js';
import { memberConditions } from '../member-filter.js';
import { LEDGER_COLUMNS, type LedgerKey } from './ledger-columns.js';
import { type ExportKey, type ExportRow, exportsBeyond, findExportMembers, findExportOrgs } from './member-export.repository.js';

type Query = z.output<typeof memberExportQuery>;

/** Rows read per query: the export walks the ledger in keyset pages, so memory does not grow with its size. */
const BATCH = 1_000;
const ORG_BATCH = 500;

const pad = (n: number) => String(n).padStart(2, '0');
function beijing(at: Date) {
  const b = new Date(at.getTime() + 8 * 3_600_000);
  const date = `${b.getUTCFullYear()}${pad(b.getUTCMonth() + 1)}${pad(b.getUTCDate())}`;
  const text = `${b.getUTCFullYear()}-${pad(b.getUTCMonth() + 1)}-${pad(b.getUTCDate())} ${pad(b.getUTCHours())}:${pad(b.getUTCMinutes())}`;
  return { date, text };
}

const tooMany = (cap: number) =>
  new AppError(
    400,
    'validation_failed',
    `一次最多导出 ${cap.toLocaleString('en-US')} 名党员，当前条件下的党员超过此数：请按党组织或其他条件筛选后分批导出`,
  );

/**
 * GET /api/members/export: the filtered ledger as a streamed .xlsx in the import's column layout. ID numbers
 * and phones are masked; every text cell is neutralised against formula injection (DP-08); the first line says
 * who exported it, when, and the request id (DP-07); an export over the configured row cap is refused; the
 * export is audited with its row count, its filters (the search text masked) and the SM3 of the bytes sent.
 */
export async function exportMembers(ctx: Ctx, reply: FastifyReply, query: Query) {
  const access = ctx.access;
  if (query.orgId) await access.authorize('member.export', query.orgId, '党组织');
  else access.requireAnywhere('member.export');
  const where = await memberConditions(ctx, query);
  const cap = ctx.config.memberExportMaxRows;
  if (await exportsBeyond(ctx.db, access, where, cap)) throw tooMany(cap);
  const now = ctx.clock.now();
  const when = beijing(now);
  const user = access.user!;

  const filters = Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined));
  // A search by ID number or mobile puts the number in `q`: the audit keeps it masked.
  if (typeof filters.q === 'string') filters.q = maskPersonal(filters.q);
  type Key = ExportKey;
  const orgPage = (key: Key | null) => findExportOrgs(ctx.db, access, query, key, ORG_BATCH);
  const memberPage = (orgId: string, key: Key | null) => findExportMembers(ctx.db, orgId, where, key, BATCH);

  return sendStreamedExport(ctx, reply, {
    fileName: `党员名册-${when.date}.xlsx`,
    asciiFileName: `members-${when.date}.xlsx`,
    sheetName: '党员名册',
    columns: LEDGER_COLUMNS,
    at: when.text,
    note: '身份证号和电话已脱敏，仅限工作使用，请妥善保管',
    footer: `&L导出人：${user.displayName}  &C第 &P 页，共 &N 页&R${when.text}`,
    audit: { type: 'member.export', objectType: 'member', orgId: query.orgId ?? null, filters },
    async produce(sheet, incomplete) {
      let orgKey: Key | null = null;
      for (;;) {
        const orgs = await orgPage(orgKey);
        for (const org of orgs) {
          let key: Key | null = null;
          for (;;) {
            const rows = await memberPage(org.id, key);
            for (const r of rows) {
              // Members added since the check above may not push the file past the cap.
              if (sheet.count === cap) {
                await incomplete();
                throw tooMany(cap);
              }
              const values = ledgerValues(r, org.name, sheet.count + 1);
              sheet.add(LEDGER_COLUMNS.map((c) => values[c.key]));
            }
            if (!(await sheet.flush())) return;
            if (rows.length < BATCH) break;
            const last = rows[rows.length - 1]!;
            key = { pinyin: last.name_pinyin, id: last.id };
          }
        }
        if (orgs.length < ORG_BATCH) return;
        const last = orgs[orgs.length - 1]!;
        orgKey = { pinyin: last.name_pinyin, id: last.id };
      }
    },
  });
}

/** A member row as the ledger's columns show it: labels for choices, masked ID and phone. */
function ledgerValues(r: ExportRow, orgName: string, seq: number): Record<LedgerKey, string | number | null> {
  const talents = presentTalents(r);
  return {
    seq,
    name: r.name,
    gender: r.gender && GENDER_LABELS[r.gender],
    ethnicity: r.ethnicity,
    birthDate: r.birth_date,
    idNumber: r.id_number_masked,
    education: r.education && EDUCATION_LABELS[r.education],
    joinedOn: r.joined_on,
    fullOn: r.full_on,
    status: MEMBER_STATUS_LABELS[r.status],
    org: orgName,
    employerName: r.employer_name,
    position: r.position,
    phone: r.phone_masked,
    mobility: MOBILITY_LABELS[r.mobility],
    talents: TALENT_FLAGS.filter((f) => talents[f])
      .map((f) => TALENT_LABELS[f])
      .join('、'),
    remarks: r.remarks,
  };
}
