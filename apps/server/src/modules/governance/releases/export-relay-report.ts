import { RELAY_STATE_LABELS } from '@tongxin/contracts';
import type { FastifyReply } from 'fastify';
import type { Ctx } from '../../../context.js';
import { beijingDate } from '../../../platform/clock.js';
import { sendStreamedExport } from '../../../platform/excel/streamed-export.js';
import { notFound } from '../../../platform/http/errors.js';
import { findRelease, selectTasks, taskState } from './release.repository.js';

const TARGET_KIND = { enterprise: '企业', org: '党组织', account: '媒体账号' } as const;
const COLUMNS = [
  { header: '序号', width: 6 },
  { header: '转发对象', width: 30 },
  { header: '类型', width: 10 },
  { header: '账号', width: 20 },
  { header: '状态', width: 14 },
  { header: '转发时限', width: 18 },
  { header: '报告时间', width: 18 },
  { header: '报告人', width: 10 },
  { header: '转发链接', width: 40 },
  { header: '说明', width: 30 },
] as const;
const beijing = (iso: string | null) =>
  iso ? new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ') : null;

/**
 * GET /api/governance/releases/:id/export: the release's relay report as a streamed .xlsx (completion and
 * timeliness per organisation; information, not a ranking), audited with its row count and SM3 (DP-07).
 */
export async function exportRelayReport(ctx: Ctx, reply: FastifyReply, id: string) {
  const now = ctx.clock.now();
  const r = await ctx.db.transaction().execute(async (trx) => {
    const access = ctx.access.in(trx);
    const found = await findRelease(trx, id);
    if (!found) throw notFound('权威信息');
    await access.authorize('governance.manage', found.org_id, '权威信息');
    return found;
  });
  const date = beijingDate(now).replaceAll('-', '');
  return sendStreamedExport(ctx, reply, {
    fileName: `转发情况-${r.title.slice(0, 20)}-${date}.xlsx`,
    asciiFileName: `relay-report-${date}.xlsx`,
    sheetName: '转发情况',
    columns: COLUMNS,
    at: beijing(now.toISOString())!,
    note: '仅限工作使用；转发情况为工作信息，不作排名',
    audit: { type: 'governance.relay_export', objectType: 'official_release', orgId: r.org_id, filters: { releaseId: id } },
    async produce(sheet) {
      const rows = await selectTasks(ctx.db)
        .where('relay_task.release_id', '=', id)
        .orderBy('relay_task.target_name')
        .orderBy('relay_task.id')
        .execute();
      for (const t of rows) {
        sheet.add([
          sheet.count + 1,
          t.target_name,
          TARGET_KIND[t.target_kind],
          t.account_name,
          RELAY_STATE_LABELS[taskState(t, now)],
          beijing(t.deadline_at),
          beijing(t.reported_at),
          t.reported_by_name,
          t.relay_url,
          t.note,
        ]);
      }
      await sheet.flush();
    },
  });
}
