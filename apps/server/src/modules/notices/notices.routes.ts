import {
  noticeDetail,
  noticeIdParams,
  noticeListQuery,
  noticeListResponse,
  noticeReceiptsQuery,
  noticeReceiptsResponse,
  noticeTargetQuery,
  noticeTargetResponse,
  sendNoticeBody,
} from '@tongxin/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { getNotice } from './get-notice.js';
import { listNotices } from './list-notices.js';
import { noticeReceipts } from './notice-receipts.js';
import { noticeTargets } from './notice-targets.js';
import { sendNotice } from './send-notice.js';

const signedIn = { access: 'signed-in' } as const;
const tags = ['notices'];

export const noticeRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/notices',
    {
      config: signedIn,
      schema: {
        tags,
        summary: '通知公告（收到的、已发送）',
        querystring: noticeListQuery,
        response: { 200: noticeListResponse },
      },
    },
    (request) => listNotices(request.ctx, request.query),
  );
  app.get(
    '/api/notices/targets',
    {
      config: signedIn,
      schema: { tags, summary: '可发送的接收组织', querystring: noticeTargetQuery, response: { 200: noticeTargetResponse } },
    },
    (request) => noticeTargets(request.ctx, request.query.senderOrgId, request.query.q),
  );
  app.post(
    '/api/notices',
    {
      config: signedIn,
      schema: { tags, summary: '发送通知', body: sendNoticeBody, response: { 201: z.object({ id: z.string() }) } },
    },
    async (request, reply) => reply.status(201).send({ id: await sendNotice(request.ctx, request.body) }),
  );
  app.get(
    '/api/notices/:id',
    {
      config: signedIn,
      schema: { tags, summary: '通知详情（首次打开即登记已读回执）', params: noticeIdParams, response: { 200: noticeDetail } },
    },
    (request) => getNotice(request.ctx, request.params.id),
  );
  app.get(
    '/api/notices/:id/receipts',
    {
      config: signedIn,
      schema: {
        tags,
        summary: '已读回执（按组织、按人员）',
        params: noticeIdParams,
        querystring: noticeReceiptsQuery,
        response: { 200: noticeReceiptsResponse },
      },
    },
    (request) => noticeReceipts(request.ctx, request.params.id, request.query),
  );
};
