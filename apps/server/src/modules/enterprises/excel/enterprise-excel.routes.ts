import multipart from '@fastify/multipart';
import {
  enterpriseListQuery,
  MEMBER_IMPORT_LIMITS,
  memberImportConfirmed,
  memberImportCreated,
  memberImportParams,
  memberImportStatus,
} from '@tongxin/contracts';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { attachment, XLSX_TYPE } from '../../../platform/excel/attachment.js';
import { receiveUpload } from '../../../platform/http/multipart.js';
import { confirmEnterpriseImport } from './confirm-enterprise-import.js';
import { enterpriseImportStatus } from './enterprise-import-status.js';
import { enterpriseImportTemplate } from './enterprise-import-template.js';
import { exportEnterprises } from './export-enterprises.js';
import { uploadEnterpriseImport } from './upload-enterprise-import.js';

const tags = ['enterprises'];
const signedIn = { access: 'signed-in' } as const;
const EXPORTS_PER_MINUTE = 10;

/** The enterprise registry's Excel routes, on the member ledger's machinery (platform/excel). */
export const enterpriseExcelRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(multipart, {
    limits: { fileSize: MEMBER_IMPORT_LIMITS.maxFileBytes, files: 1, fields: 5, parts: 6 },
    throwFileSizeLimit: true,
  });
  // Validations run after the upload has been answered; the server waits for them before it closes.
  const running = new Set<Promise<void>>();
  const track = (job: Promise<void>) => {
    running.add(job);
    void job.finally(() => running.delete(job));
  };
  app.addHook('onClose', async () => {
    await Promise.allSettled([...running]);
  });

  app.get(
    '/api/enterprises/import/template',
    { config: signedIn, schema: { tags, summary: '企业名录导入模板（.xlsx）' } },
    async (request, reply) =>
      reply
        .header('content-disposition', attachment('企业名录导入模板.xlsx', 'enterprise-import-template.xlsx'))
        .header('x-content-type-options', 'nosniff')
        .type(XLSX_TYPE)
        .send(await enterpriseImportTemplate(request.ctx)),
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
    async (request, reply) => reply.status(202).send(await uploadEnterpriseImport(request.ctx, receiveUpload(request), track)),
  );
  app.get(
    '/api/enterprises/import/:id',
    {
      config: signedIn,
      schema: { tags, summary: '企业导入校验进度和逐行报告', params: memberImportParams, response: { 200: memberImportStatus } },
    },
    (request) => enterpriseImportStatus(request.ctx, request.params.id),
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
