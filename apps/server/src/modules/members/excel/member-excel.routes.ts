import multipart from '@fastify/multipart';
import {
  MEMBER_IMPORT_LIMITS,
  memberExportQuery,
  memberImportConfirmed,
  memberImportCreated,
  memberImportParams,
  memberImportStatus,
} from '@tongxin/contracts';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { attachment, XLSX_TYPE } from '../../../platform/excel/attachment.js';
import { receiveUpload } from '../../../platform/http/multipart.js';
import { confirmImport } from './confirm-import.js';
import { exportMembers } from './export-members.js';
import { importStatus } from './import-status.js';
import { importTemplate } from './import-template.js';
import { uploadImport } from './upload-import.js';

const tags = ['members'];

/** IN-08: exports per user per minute. */
export const EXPORTS_PER_MINUTE = 10;

/** The member ledger's Excel routes: the import template, upload → validation → confirm, and the export. */
export const memberExcelRoutes: FastifyPluginAsyncZod = async (app) => {
  // Multipart is parsed only inside this plugin, for the upload route; files stay in memory (never on disk).
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
    '/api/members/import/template',
    { config: { access: 'signed-in' }, schema: { tags, summary: '党员名册导入模板（.xlsx）' } },
    async (request, reply) => {
      const file = await importTemplate(request.ctx);
      return reply
        .header('content-disposition', attachment('党员名册导入模板.xlsx', 'member-import-template.xlsx'))
        .header('x-content-type-options', 'nosniff')
        .type(XLSX_TYPE)
        .send(file);
    },
  );
  app.post(
    '/api/members/import',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: '上传党员名册 .xlsx（后台逐行校验，确认前不写入）',
        consumes: ['multipart/form-data'],
        response: { 202: memberImportCreated },
      },
    },
    async (request, reply) => reply.status(202).send(await uploadImport(request.ctx, receiveUpload(request), track)),
  );
  app.get(
    '/api/members/import/:id',
    {
      config: { access: 'signed-in' },
      schema: { tags, summary: '导入校验进度和逐行报告', params: memberImportParams, response: { 200: memberImportStatus } },
    },
    (request) => importStatus(request.ctx, request.params.id),
  );
  app.post(
    '/api/members/import/:id/confirm',
    {
      config: { access: 'signed-in' },
      schema: {
        tags,
        summary: '确认导入（全部写入或全部不写入）',
        params: memberImportParams,
        response: { 200: memberImportConfirmed },
      },
    },
    (request) => confirmImport(request.ctx, request.params.id),
  );
  app.get(
    '/api/members/export',
    {
      config: {
        access: 'signed-in',
        rateLimit: {
          max: EXPORTS_PER_MINUTE,
          timeWindow: '1 minute',
          keyGenerator: (request: FastifyRequest) => `member-export:${request.session?.userId ?? request.ip}`,
        },
      },
      schema: { tags, summary: '导出党员名册（.xlsx，脱敏）', querystring: memberExportQuery },
    },
    (request, reply) => exportMembers(request.ctx, reply, request.query),
  );
};
