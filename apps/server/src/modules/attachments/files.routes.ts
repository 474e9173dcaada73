import multipart from '@fastify/multipart';
import { attachmentIdParams, attachmentInfo, attachmentUploadQuery } from '@tongxin/contracts';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { receiveUpload } from '../../platform/http/multipart.js';
import { largestUpload } from './attachment-uses.js';
import { downloadAttachment } from './download-attachment.js';
import { uploadAttachment } from './upload-attachment.js';

const tags = ['attachments'];

/** IN-08: uploads per user per minute. */
export const UPLOADS_PER_MINUTE = 60;

/** The shared attachment store's two routes; features list and claim files through the repository. */
export const fileRoutes: FastifyPluginAsyncZod = async (app) => {
  // Parsed only inside this plugin; the file stays in memory until checked (never a temp file).
  await app.register(multipart, {
    limits: { fileSize: largestUpload(), files: 1, fields: 2, parts: 3 },
    throwFileSizeLimit: true,
  });

  app.post(
    '/api/attachments',
    {
      config: {
        access: 'signed-in',
        rateLimit: {
          max: UPLOADS_PER_MINUTE,
          timeWindow: '1 minute',
          keyGenerator: (request: FastifyRequest) => `attachment-upload:${request.session?.userId ?? request.ip}`,
        },
      },
      schema: {
        tags,
        summary: '上传附件（按用途限定类型和大小；保存记录时认领）',
        consumes: ['multipart/form-data'],
        querystring: attachmentUploadQuery,
        response: { 201: attachmentInfo },
      },
    },
    async (request, reply) => reply.status(201).send(await uploadAttachment(request.ctx, request.query, receiveUpload(request))),
  );
  app.get(
    '/api/attachments/:id',
    { config: { access: 'signed-in' }, schema: { tags, summary: '下载附件', params: attachmentIdParams } },
    (request, reply) => downloadAttachment(request.ctx, reply, request.params.id),
  );
};
