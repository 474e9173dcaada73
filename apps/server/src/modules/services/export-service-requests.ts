import {
  SERVICE_CATEGORY_GROUP,
  SERVICE_CATEGORY_LABELS,
  SERVICE_GROUP_LABELS,
  SERVICE_STATUS_LABELS,
  serviceOverdue,
  type serviceQueueQuery,
} from '@tongxin/contracts';
import ExcelJS from 'exceljs';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { beijingDate } from '../../platform/clock.js';
import type { Deps } from '../../platform/deps.js';
import { attachment, XLSX_TYPE } from '../../platform/excel/attachment.js';
import { drained, sealedStream, sheetCaughtUp, writeExportHead } from '../../platform/excel/export-stream.js';
import { neutraliseCell } from '../../platform/excel/neutralise.js';
import { queueConditions } from './list-service-queue.js';
import { type ServiceListRow, selectServiceRequests } from './service-request.presenter.js';

type Query = Omit<z.output<typeof serviceQueueQuery>, 'page' | 'pageSize'>;
const BATCH = 1_000;

const COLUMNS = [
  { header: '序号', width: 6 },
  { header: '诉求标题', width: 36 },
  { header: '企业', width: 28 },
  { header: '类别', width: 22 },
  { header: '状态', width: 10 },
  { header: '逾期', width: 6 },
  { header: '提出人', width: 10 },
  { header: '提出日期', width: 12 },
  { header: '承办党委', width: 28 },
  { header: '承办人', width: 10 },
  { header: '答复期限', width: 12 },
  { header: '答复日期', width: 12 },
  { header: '办结/撤回日期', width: 14 },
  { header: '满意度', width: 8 },
  { header: '企业评价', width: 30 },
  { header: '重新办理次数', width: 12 },
] as const;

/**
 * GET /api/service-requests/export: the queue as filtered, as a streamed .xlsx (titles, not the descriptions,
 * which may name people). The first line says who exported it and when; cells neutralised (DP-08); audited with
 * the row count and the SM3 of the bytes sent (DP-07), as the other exports are.
 */
export async function exportServiceRequests(deps: Deps, request: FastifyRequest, reply: FastifyReply, query: Query) {
  const access = request.access;
  access.requireAnywhere('service.handle');
  const now = deps.clock.now();
  const today = beijingDate(now);
  const where = queueConditions(access, query, today);
  const user = access.user!;
  const stamp = new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
  let count = 0;
  const audit = (detail: Record<string, unknown>, complete: boolean) =>
    deps.db.transaction().execute((trx) =>
      deps.audit.record(trx, request.auditContext(), {
        type: 'service.export',
        result: complete ? 'success' : 'failed',
        objectType: 'service_request',
        detail: { rows: count, filters: Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined)), ...detail },
      }),
    );
  const out = sealedStream(deps.crypto, (fileSm3, bytes) => audit({ bytes, fileSm3 }, true));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet('企业诉求', { views: [{ state: 'frozen', ySplit: 2 }] });
  sheet.columns = COLUMNS.map((c) => ({ width: c.width }));

  const produce = async () => {
    writeExportHead(
      sheet,
      COLUMNS.map((c) => c.header),
      { user, at: stamp, requestId: request.id, note: '仅限工作使用' },
    );
    let key: { at: string; id: string } | null = null;
    for (;;) {
      const rows: ServiceListRow[] = await selectServiceRequests(deps.db.selectFrom('service_request'))
        .where(where)
        .$if(key !== null, (q) =>
          q.where((eb) => eb(eb.refTuple('service_request.raised_at', 'service_request.id'), '>', eb.tuple(key!.at, key!.id))),
        )
        .orderBy('service_request.raised_at')
        .orderBy('service_request.id')
        .limit(BATCH)
        .execute();
      for (const r of rows) {
        count += 1;
        sheet.addRow(rowValues(r, count, today).map(cellOut)).commit();
      }
      await sheetCaughtUp(sheet);
      await drained(out);
      if (out.destroyed) return audit({ incomplete: true }, false);
      if (rows.length < BATCH) break;
      const last = rows[rows.length - 1]!;
      key = { at: last.raised_at, id: last.id };
    }
    sheet.commit();
    await workbook.commit();
  };

  const date = today.replaceAll('-', '');
  reply
    .header('content-disposition', attachment(`企业诉求-${date}.xlsx`, `service-requests-${date}.xlsx`))
    .header('x-content-type-options', 'nosniff')
    .type(XLSX_TYPE);
  produce().catch((err) => {
    request.log.error({ err }, 'service request export failed');
    out.destroy(err instanceof Error ? err : new Error(String(err)));
  });
  return reply.send(out);
}

function rowValues(r: ServiceListRow, seq: number, today: string): (string | number | null)[] {
  const date = (iso: string | null) => (iso ? beijingDate(new Date(iso)) : null);
  return [
    seq,
    r.title,
    r.enterprise_name,
    `${SERVICE_GROUP_LABELS[SERVICE_CATEGORY_GROUP[r.category]]}·${SERVICE_CATEGORY_LABELS[r.category]}`,
    SERVICE_STATUS_LABELS[r.status],
    serviceOverdue({ status: r.status, dueOn: r.due_on }, today) ? '是' : '',
    r.raised_by_name,
    r.raised_on,
    r.org_name,
    r.assignee_name,
    r.due_on,
    date(r.answered_at),
    date(r.closed_at),
    r.rating === null ? null : Number(r.rating),
    r.rating_comment,
    Number(r.reopen_count),
  ];
}

function cellOut(value: string | number | null): string | number | null {
  if (value === null || value === '') return null;
  return typeof value === 'string' ? neutraliseCell(value) : value;
}
