import multipart from '@fastify/multipart';
import {
  enterpriseListQuery,
  MEMBER_IMPORT_LIMITS,
  memberImportConfirmed,
  memberImportCreated,
  memberImportParams,
  memberImportStatus,
  OPERATING_STATUS_LABELS,
} from '@tongxin/contracts';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { v7 as uuidv7 } from 'uuid';
import { attachment, XLSX_TYPE } from '../../../platform/excel/attachment.js';
import { findOwnImport, insertImport, presentImport, purgeExpired, runningImport } from '../../../platform/excel/import-jobs.js';
import { templateWorkbook } from '../../../platform/excel/template.js';
import { receiveXlsx } from '../../../platform/excel/upload.js';
import { conflict, notFound } from '../../../platform/http/errors.js';
import { receiveUpload } from '../../../platform/http/multipart.js';
import { confirmEnterpriseImport } from './confirm-enterprise-import.js';
import { IMPORT_COLUMNS } from './enterprise-columns.js';
import { exportEnterprises } from './export-enterprises.js';
import { ENTERPRISE_IMPORT_MAX_ROWS, validateEnterpriseImport } from './validate-enterprise-import.js';

const tags = ['enterprises'];
const signedIn = { access: 'signed-in' } as const;
const EXPORTS_PER_MINUTE = 10;

/** The enterprise registry's Excel routes, on the member ledger's machinery (platform/excel). */
export const enterpriseExcelRoutes: FastifyPluginAsyncZod = async (app) => {
  const { deps } = app;
  await app.register(multipart, {
    limits: { fileSize: MEMBER_IMPORT_LIMITS.maxFileBytes, files: 1, fields: 5, parts: 6 },
    throwFileSizeLimit: true,
  });
  const running = new Set<Promise<void>>();
  app.addHook('onClose', async () => {
    await Promise.allSettled([...running]);
  });

  app.get(
    '/api/enterprises/import/template',
    { config: signedIn, schema: { tags, summary: '企业名录导入模板（.xlsx）' } },
    async (request, reply) => {
      request.ctx.access.requireAnywhere('enterprise.manage');
      const file = await templateWorkbook({
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
      return reply
        .header('content-disposition', attachment('企业名录导入模板.xlsx', 'enterprise-import-template.xlsx'))
        .header('x-content-type-options', 'nosniff')
        .type(XLSX_TYPE)
        .send(file);
    },
  );
  app.post(
    '/api/enterprises/import',
    {
      config: signedIn,
      schema: {
        tags,
        summary: '上传企业名录 .xlsx（后台逐行校验，确认前不写入）',
        consumes: ['multipart/form-data'],
        response: { 202: memberImportCreated },
      },
    },
    async (request, reply) => {
      const access = request.ctx.access;
      access.requireAnywhere('enterprise.manage');
      const now = deps.clock.now();
      const { fileName, file, pkg } = await receiveXlsx(receiveUpload(request), '企业名录.xlsx');
      await purgeExpired(deps.db, now);
      if (await runningImport(deps.db, access.user!.id, now)) throw conflict('您上传的上一个文件还在校验中，请等它完成后再上传');
      const id = uuidv7();
      await insertImport(deps.db, {
        id,
        kind: 'enterprise',
        userId: access.user!.id,
        fileName,
        fileHash: deps.crypto.sm3(file),
        now,
      });
      const job = validateEnterpriseImport(deps, access, id, pkg, request.log);
      running.add(job);
      void job.finally(() => running.delete(job));
      return reply.status(202).send({ id });
    },
  );
  app.get(
    '/api/enterprises/import/:id',
    {
      config: signedIn,
      schema: { tags, summary: '企业导入校验进度和逐行报告', params: memberImportParams, response: { 200: memberImportStatus } },
    },
    async (request) => {
      request.ctx.access.requireAnywhere('enterprise.manage');
      const now = deps.clock.now();
      const row = await findOwnImport(deps.db, 'enterprise', request.params.id, request.ctx.access.user!.id, now);
      if (!row) throw notFound('导入记录');
      return presentImport(row, now);
    },
  );
  app.post(
    '/api/enterprises/import/:id/confirm',
    {
      config: signedIn,
      schema: {
        tags,
        summary: '确认导入企业（全部写入或全部不写入）',
        params: memberImportParams,
        response: { 200: memberImportConfirmed },
      },
    },
    (request) => confirmEnterpriseImport(request.ctx, request.params.id),
  );
  app.get(
    '/api/enterprises/export',
    {
      config: {
        access: 'signed-in',
        rateLimit: {
          max: EXPORTS_PER_MINUTE,
          timeWindow: '1 minute',
          keyGenerator: (request: FastifyRequest) => `enterprise-export:${request.session?.userId ?? request.ip}`,
        },
      },
      schema: { tags, summary: '导出企业名录（.xlsx）', querystring: enterpriseListQuery.omit({ page: true, pageSize: true }) },
    },
    (request, reply) => exportEnterprises(request.ctx, reply, request.query),
  );
};
