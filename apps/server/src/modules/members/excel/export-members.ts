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
import type { ExpressionBuilder } from 'kysely';
import type { z } from 'zod';
import type { Ctx } from '../../../context.js';
import type { DB } from '../../../platform/db/types.js';
import type { Deps } from '../../../platform/deps.js';
import { sendStreamedExport } from '../../../platform/excel/streamed-export.js';
import { AppError } from '../../../platform/http/errors.js';
import { maskPersonal } from '../../../platform/http/log-redaction.js';
import { presentTalents } from '../member.presenter.js';
import { memberConditions } from '../member-filter.js';
import { LEDGER_COLUMNS, type LedgerKey } from './ledger-columns.js';

type Query = z.output<typeof memberExportQuery>;

/** Rows read per query: the export walks the ledger in keyset pages, so memory does not grow with its size. */
const BATCH = 1_000;
const ORG_BATCH = 500;

const COLUMNS = [
  'member.id',
  'member.name',
  'member.name_pinyin',
  'member.gender',
  'member.ethnicity',
  'member.birth_date',
  'member.id_number_masked',
  'member.education',
  'member.joined_on',
  'member.full_on',
  'member.status',
  'member.employer_name',
  'member.position',
  'member.phone_masked',
  'member.mobility',
  'member.talent_industry_leader',
  'member.talent_founder',
  'member.talent_key_dept_head',
  'member.remarks',
] as const;

const pad = (n: number) => String(n).padStart(2, '0');
function beijing(at: Date) {
  const b = new Date(at.getTime() + 8 * 3_600_000);
  const date = `${b.getUTCFullYear()}${pad(b.getUTCMonth() + 1)}${pad(b.getUTCDate())}`;
  const text = `${b.getUTCFullYear()}-${pad(b.getUTCMonth() + 1)}-${pad(b.getUTCDate())} ${pad(b.getUTCHours())}:${pad(b.getUTCMinutes())}`;
  return { date, text };
}

/** DP-07's row cap, checked before anything is sent: is there a member beyond the limit? */
async function overCap(ctx: Ctx, where: Where, cap: number): Promise<boolean> {
  const beyond = await ctx.db
    .selectFrom('member')
    .select('member.id')
    .where(where)
    .where(ctx.access.scope('member.export', 'member.org_id'))
    .orderBy('member.id')
    .limit(1)
    .offset(cap)
    .executeTakeFirst();
  return beyond !== undefined;
}

type Where = Awaited<ReturnType<typeof memberConditions>>;

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
  if (await overCap(ctx, where, cap)) throw tooMany(cap);
  const now = ctx.clock.now();
  const when = beijing(now);
  const user = access.user!;

  const filters = Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined));
  // A search by ID number or mobile puts the number in `q`: the audit keeps it masked.
  if (typeof filters.q === 'string') filters.q = maskPersonal(filters.q);
  type Key = { pinyin: string; id: string };
  const after =
    (pinyin: 'org.name_pinyin' | 'member.name_pinyin', id: 'org.id' | 'member.id', key: Key | null) =>
    // A row-value comparison, so that both engines seek the index instead of rescanning what came before.
    (eb: ExpressionBuilder<DB, 'org' | 'member'>) =>
      key ? eb(eb.refTuple(pinyin, id), '>', eb.tuple(key.pinyin, key.id)) : eb.lit(true);

  // The orgs to export, in name order: where the user may read and export, under the filtered org, with members.
  const orgPage = (key: Key | null) =>
    ctx.db
      .selectFrom('org')
      .select(['org.id', 'org.name', 'org.name_pinyin'])
      .where(access.scope('member.read', 'org.id'))
      .where(access.scope('member.export', 'org.id'))
      .$if(query.orgId !== undefined, (q) =>
        q.where('org.id', 'in', (eb) =>
          eb.selectFrom('org_closure').select('descendant_id').where('ancestor_id', '=', query.orgId!),
        ),
      )
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('member')
            .select('member.id')
            .whereRef('member.org_id', '=', 'org.id')
            .where('member.archived_at', query.archived ? 'is not' : 'is', null),
        ),
      )
      .where((eb) => after('org.name_pinyin', 'org.id', key)(eb as ExpressionBuilder<DB, 'org' | 'member'>))
      .orderBy('org.name_pinyin')
      .orderBy('org.id')
      .limit(ORG_BATCH)
      .execute();

  // One org's members in name order, in keyset pages: each page reads one org's rows, never the whole scope.
  const memberPage = (orgId: string, key: Key | null) =>
    ctx.db
      .selectFrom('member')
      .select(COLUMNS)
      .where('member.org_id', '=', orgId)
      .where(where)
      .where((eb) => after('member.name_pinyin', 'member.id', key)(eb as ExpressionBuilder<DB, 'org' | 'member'>))
      .orderBy('member.name_pinyin')
      .orderBy('member.id')
      .limit(BATCH)
      .execute();

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

type ExportRow = Awaited<ReturnType<ReturnType<typeof memberQuery>['execute']>>[number];
const memberQuery = (deps: Deps) => deps.db.selectFrom('member').select(COLUMNS);

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
