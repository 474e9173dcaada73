import { COVERAGE_KIND_LABELS, coverageRulesOn, type enterpriseListQuery, OPERATING_STATUS_LABELS } from '@tongxin/contracts';
import ExcelJS from 'exceljs';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { beijingDate } from '../../../platform/clock.js';
import type { Deps } from '../../../platform/deps.js';
import { attachment, XLSX_TYPE } from '../../../platform/excel/attachment.js';
import { drained, sealedStream, sheetCaughtUp, writeExportHead } from '../../../platform/excel/export-stream.js';
import { neutraliseCell } from '../../../platform/excel/neutralise.js';
import { type EnterpriseRow, selectEnterprises } from '../enterprise.presenter.js';
import { enterpriseConditions } from '../enterprise-filter.js';
import { ENTERPRISE_COLUMNS, type EnterpriseKey } from './enterprise-columns.js';

type Query = Omit<z.output<typeof enterpriseListQuery>, 'page' | 'pageSize'>;
const BATCH = 1_000;

/**
 * GET /api/enterprises/export: the filtered registry as a streamed .xlsx in the import's layout (plus 覆盖方式),
 * through the same visibility rule as the list. Text cells neutralised (DP-08); the first line says who exported
 * it and when; audited with the row count and the SM3 of the bytes sent (DP-07), as the member export is.
 */
export async function exportEnterprises(deps: Deps, request: FastifyRequest, reply: FastifyReply, query: Query) {
  const access = request.access;
  access.requireAnywhere('enterprise.read');
  const now = deps.clock.now();
  const today = beijingDate(now);
  const where = await enterpriseConditions(request, query, today, coverageRulesOn(today));
  const user = access.user!;
  const stamp = new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
  let count = 0;
  const audit = (detail: Record<string, unknown>, complete: boolean) =>
    deps.db.transaction().execute((trx) =>
      deps.audit.record(trx, request.auditContext(), {
        type: 'enterprise.export',
        result: complete ? 'success' : 'failed',
        orgId: query.orgId ?? null,
        objectType: 'enterprise',
        detail: { rows: count, filters: Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined)), ...detail },
      }),
    );
  const out = sealedStream(deps.crypto, (fileSm3, bytes) => audit({ bytes, fileSm3 }, true));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet('企业名录', { views: [{ state: 'frozen', ySplit: 2 }] });
  sheet.columns = ENTERPRISE_COLUMNS.map((c) => ({ key: c.key, width: c.width }));

  const produce = async () => {
    writeExportHead(
      sheet,
      ENTERPRISE_COLUMNS.map((c) => c.header),
      { user, at: stamp, requestId: request.id, note: '仅限工作使用' },
    );
    let key: { pinyin: string; id: string } | null = null;
    for (;;) {
      const rows: EnterpriseRow[] = await selectEnterprises(deps.db.selectFrom('enterprise'))
        .where(where)
        .$if(key !== null, (q) =>
          q.where((eb) => eb(eb.refTuple('enterprise.name_pinyin', 'enterprise.id'), '>', eb.tuple(key!.pinyin, key!.id))),
        )
        .orderBy('enterprise.name_pinyin')
        .orderBy('enterprise.id')
        .limit(BATCH)
        .execute();
      for (const r of rows) {
        count += 1;
        const values = rowValues(r, count);
        sheet.addRow(ENTERPRISE_COLUMNS.map((c) => cellOut(values[c.key]))).commit();
      }
      await sheetCaughtUp(sheet);
      await drained(out);
      if (out.destroyed) return audit({ incomplete: true }, false);
      if (rows.length < BATCH) break;
      const last = rows[rows.length - 1]!;
      key = { pinyin: last.name_pinyin, id: last.id };
    }
    sheet.commit();
    await workbook.commit();
  };

  const date = today.replaceAll('-', '');
  reply
    .header('content-disposition', attachment(`企业名录-${date}.xlsx`, `enterprises-${date}.xlsx`))
    .header('x-content-type-options', 'nosniff')
    .type(XLSX_TYPE);
  produce().catch((err) => {
    request.log.error({ err }, 'enterprise export failed');
    out.destroy(err instanceof Error ? err : new Error(String(err)));
  });
  return reply.send(out);
}

function rowValues(r: EnterpriseRow, seq: number): Record<EnterpriseKey, string | number | null> {
  return {
    seq,
    name: r.name,
    creditCode: r.credit_code,
    district: r.district_name,
    park: r.park_name,
    address: r.address,
    mainBusiness: r.main_business,
    employeeCount: r.employee_count,
    foundedOn: r.founded_on,
    legalRepresentative: r.legal_representative,
    contactName: r.contact_name,
    hasFixedPremises: r.has_fixed_premises ? '有' : '无',
    operatingStatus: OPERATING_STATUS_LABELS[r.operating_status],
    coveringOrg: r.covering_name,
    coverageKind: COVERAGE_KIND_LABELS[r.coverage_kind],
  };
}

function cellOut(value: string | number | null): string | number | null {
  if (value === null || value === '') return null;
  return typeof value === 'string' ? neutraliseCell(value) : value;
}
