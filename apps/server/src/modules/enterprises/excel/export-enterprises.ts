import { COVERAGE_KIND_LABELS, coverageRulesOn, type enterpriseListQuery, OPERATING_STATUS_LABELS } from '@tongxin/contracts';
import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import type { Ctx } from '../../../context.js';
import { beijingDate } from '../../../platform/clock.js';
import { sendStreamedExport } from '../../../platform/excel/streamed-export.js';
import type { ListedEnterprise } from '../enterprise.repository.js';
import { enterpriseConditions } from '../enterprise-filter.js';
import { enterpriseBatch } from '../enterprise-list.repository.js';
import { ENTERPRISE_COLUMNS, type EnterpriseKey } from './enterprise-columns.js';

type Query = Omit<z.output<typeof enterpriseListQuery>, 'page' | 'pageSize'>;
const BATCH = 1_000;

/**
 * GET /api/enterprises/export: the filtered registry as a streamed .xlsx in the import's layout (plus 覆盖方式),
 * through the same visibility rule as the list. Text cells neutralised (DP-08); the first line says who exported
 * it and when; audited with the row count and the SM3 of the bytes sent (DP-07), as the member export is.
 */
export async function exportEnterprises(ctx: Ctx, reply: FastifyReply, query: Query) {
  const access = ctx.access;
  access.requireAnywhere('enterprise.read');
  const now = ctx.clock.now();
  const today = beijingDate(now);
  const where = await enterpriseConditions(ctx, query, today, coverageRulesOn(today));
  const stamp = new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
  return sendStreamedExport(ctx, reply, {
    fileName: `企业名录-${today.replaceAll('-', '')}.xlsx`,
    asciiFileName: `enterprises-${today.replaceAll('-', '')}.xlsx`,
    sheetName: '企业名录',
    columns: ENTERPRISE_COLUMNS,
    at: stamp,
    note: '仅限工作使用',
    audit: {
      type: 'enterprise.export',
      objectType: 'enterprise',
      orgId: query.orgId ?? null,
      filters: Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined)),
    },
    async produce(sheet) {
      let last: ListedEnterprise | null = null;
      for (;;) {
        const rows = await enterpriseBatch(ctx.db, where, last, BATCH);
        for (const r of rows) {
          const values = rowValues(r, sheet.count + 1);
          sheet.add(ENTERPRISE_COLUMNS.map((c) => values[c.key]));
        }
        if (!(await sheet.flush()) || rows.length < BATCH) return;
        last = rows[rows.length - 1]!;
      }
    },
  });
}

function rowValues(r: ListedEnterprise, seq: number): Record<EnterpriseKey, string | number | null> {
  return {
    seq,
    name: r.name,
    creditCode: r.creditCode,
    district: r.districtName,
    park: r.parkName,
    address: r.address,
    mainBusiness: r.mainBusiness,
    employeeCount: r.employeeCount,
    foundedOn: r.foundedOn,
    legalRepresentative: r.legalRepresentative,
    contactName: r.contactName,
    hasFixedPremises: r.hasFixedPremises ? '有' : '无',
    operatingStatus: OPERATING_STATUS_LABELS[r.operatingStatus],
    coveringOrg: r.coveringName,
    coverageKind: COVERAGE_KIND_LABELS[r.coverageKind],
  };
}
