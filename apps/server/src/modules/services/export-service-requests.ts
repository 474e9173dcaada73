import {
  SERVICE_CATEGORY_GROUP,
  SERVICE_CATEGORY_LABELS,
  SERVICE_GROUP_LABELS,
  SERVICE_STATUS_LABELS,
  serviceOverdue,
  type serviceQueueQuery,
} from '@tongxin/contracts';
import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import type { Ctx } from '../../context.js';
import { beijingDate } from '../../platform/clock.js';
import { sendStreamedExport } from '../../platform/excel/streamed-export.js';
import { queueConditions } from './list-service-queue.js';
import { type ListedServiceRequest, serviceBatch } from './service-list.repository.js';

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
export async function exportServiceRequests(ctx: Ctx, reply: FastifyReply, query: Query) {
  const access = ctx.access;
  access.requireAnywhere('service.handle');
  const now = ctx.clock.now();
  const today = beijingDate(now);
  const where = queueConditions(access, query, today);
  const stamp = new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
  const date = today.replaceAll('-', '');
  return sendStreamedExport(ctx, reply, {
    fileName: `企业诉求-${date}.xlsx`,
    asciiFileName: `service-requests-${date}.xlsx`,
    sheetName: '企业诉求',
    columns: COLUMNS,
    at: stamp,
    note: '仅限工作使用',
    audit: {
      type: 'service.export',
      objectType: 'service_request',
      filters: Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined)),
    },
    async produce(sheet) {
      let last: ListedServiceRequest | null = null;
      for (;;) {
        const rows = await serviceBatch(ctx.db, where, last, BATCH);
        for (const r of rows) sheet.add(rowValues(r, sheet.count + 1, today));
        if (!(await sheet.flush()) || rows.length < BATCH) return;
        last = rows[rows.length - 1]!;
      }
    },
  });
}

function rowValues(r: ListedServiceRequest, seq: number, today: string): (string | number | null)[] {
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
    r.rating,
    r.rating_comment,
    r.reopen_count,
  ];
}
