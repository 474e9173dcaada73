import { OPERATING_STATUS_LABELS } from '@tongxin/contracts';
import type { Ctx } from '../../../context.js';
import { templateWorkbook } from '../../../platform/excel/template.js';
import { IMPORT_COLUMNS } from './enterprise-columns.js';
import { ENTERPRISE_IMPORT_MAX_ROWS } from './validate-enterprise-import.js';

/** GET /api/enterprises/import/template: the registry's columns, dropdowns and an example row (skipped on import). */
export async function enterpriseImportTemplate(ctx: Ctx): Promise<Buffer> {
  ctx.access.requireAnywhere('enterprise.manage');
  return templateWorkbook({
    sheetName: '企业名录',
    title: '互联网企业名录（导入模板）',
    columns: IMPORT_COLUMNS,
    lists: { hasFixedPremises: ['有', '无'], operatingStatus: Object.values(OPERATING_STATUS_LABELS) },
    example: {
      seq: '示例',
      name: '泸州某某网络科技有限公司',
      creditCode: '91510500MA62A1B2CT',
      district: '中共泸州市江阳区互联网行业委员会',
      park: '江阳区电子商务产业园党委',
      address: '泸州市江阳区酒城大道1号',
      mainBusiness: '软件开发、信息技术服务',
      employeeCount: '35',
      foundedOn: '2018-03-01',
      legalRepresentative: '张三',
      contactName: '李四',
      hasFixedPremises: '有',
      operatingStatus: '在营',
      coveringOrg: '江阳区电商园区第一联合党支部',
    },
    lastRow: 3 + ENTERPRISE_IMPORT_MAX_ROWS,
  });
}
