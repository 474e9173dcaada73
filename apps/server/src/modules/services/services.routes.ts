import {
  answerServiceRequestBody,
  assignServiceRequestBody,
  closeServiceRequestBody,
  raisedServiceQuery,
  raiseServiceRequestBody,
  reopenServiceRequestBody,
  serviceAssigneesResponse,
  serviceEnterpriseQuery,
  serviceEnterprisesResponse,
  serviceListResponse,
  serviceMessageBody,
  serviceQueueQuery,
  serviceQueueResponse,
  serviceRequestDetail,
  serviceRequestIdParams,
  serviceSummaryResponse,
  withdrawServiceRequestBody,
} from '@tongxin/contracts';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { answerServiceRequest } from './answer-service-request.js';
import { assignServiceRequest } from './assign-service-request.js';
import { closeServiceRequest } from './close-service-request.js';
import { exportServiceRequests } from './export-service-requests.js';
import { getServiceRequest } from './get-service-request.js';
import { listRaisedServiceRequests } from './list-raised-service-requests.js';
import { listServiceQueue } from './list-service-queue.js';
import { postServiceMessage } from './post-service-message.js';
import { raiseServiceRequest } from './raise-service-request.js';
import { reopenServiceRequest } from './reopen-service-request.js';
import { serviceAssignees } from './service-assignees.js';
import { serviceEnterprises } from './service-enterprises.js';
import { serviceSummary } from './service-summary.js';
import { withdrawServiceRequest } from './withdraw-service-request.js';

const signedIn = { access: 'signed-in' } as const;
const tags = ['service-requests'];
const ok = z.object({ ok: z.literal(true) });
const params = serviceRequestIdParams;
/** IN-08: exports per user per minute. */
const EXPORTS_PER_MINUTE = 10;

export const serviceRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/service-requests',
    {
      config: signedIn,
      schema: {
        tags,
        summary: '服务联抓：党委承办队列',
        querystring: serviceQueueQuery,
        response: { 200: serviceQueueResponse },
      },
    },
    (request) => listServiceQueue(request.ctx, request.query),
  );
  app.get(
    '/api/service-requests/export',
    {
      config: {
        access: 'signed-in',
        rateLimit: {
          max: EXPORTS_PER_MINUTE,
          timeWindow: '1 minute',
          keyGenerator: (request: FastifyRequest) => `service-export:${request.session?.userId ?? request.ip}`,
        },
      },
      schema: { tags, summary: '导出企业诉求（.xlsx）', querystring: serviceQueueQuery.omit({ page: true, pageSize: true }) },
    },
    (request, reply) => exportServiceRequests(request.ctx, reply, request.query),
  );
  app.get(
    '/api/service-requests/summary',
    {
      config: signedIn,
      schema: { tags, summary: '服务联抓：辖区诉求概况（按类别和状态）', response: { 200: serviceSummaryResponse } },
    },
    (request) => serviceSummary(request.ctx),
  );
  app.get(
    '/api/service-requests/raised',
    {
      config: signedIn,
      schema: {
        tags,
        summary: '服务联抓：企业一方的诉求（我的诉求）',
        querystring: raisedServiceQuery,
        response: { 200: serviceListResponse },
      },
    },
    (request) => listRaisedServiceRequests(request.ctx, request.query),
  );
  app.get(
    '/api/service-requests/enterprises',
    {
      config: signedIn,
      schema: {
        tags,
        summary: '可为其提出诉求的企业（仅名称）',
        querystring: serviceEnterpriseQuery,
        response: { 200: serviceEnterprisesResponse },
      },
    },
    (request) => serviceEnterprises(request.ctx, request.query.q),
  );
  app.post(
    '/api/service-requests',
    {
      config: signedIn,
      schema: { tags, summary: '提出诉求', body: raiseServiceRequestBody, response: { 201: z.object({ id: z.string() }) } },
    },
    async (request, reply) => reply.status(201).send({ id: await raiseServiceRequest(request.ctx, request.body) }),
  );
  app.get(
    '/api/service-requests/:id',
    { config: signedIn, schema: { tags, summary: '诉求详情与办理记录', params, response: { 200: serviceRequestDetail } } },
    (request) => getServiceRequest(request.ctx, request.params.id),
  );
  app.get(
    '/api/service-requests/:id/assignees',
    { config: signedIn, schema: { tags, summary: '可指派的承办人', params, response: { 200: serviceAssigneesResponse } } },
    (request) => serviceAssignees(request.ctx, request.params.id),
  );
  app.post(
    '/api/service-requests/:id/assign',
    {
      config: signedIn,
      schema: { tags, summary: '指派承办人（含改派）', params, body: assignServiceRequestBody, response: { 200: ok } },
    },
    async (request) => {
      await assignServiceRequest(request.ctx, request.params.id, request.body);
      return { ok: true as const };
    },
  );
  app.post(
    '/api/service-requests/:id/answer',
    { config: signedIn, schema: { tags, summary: '答复诉求', params, body: answerServiceRequestBody, response: { 200: ok } } },
    async (request) => {
      await answerServiceRequest(request.ctx, request.params.id, request.body);
      return { ok: true as const };
    },
  );
  app.post(
    '/api/service-requests/:id/reopen',
    {
      config: signedIn,
      schema: { tags, summary: '对答复不满意，申请重新办理', params, body: reopenServiceRequestBody, response: { 200: ok } },
    },
    async (request) => {
      await reopenServiceRequest(request.ctx, request.params.id, request.body.reason);
      return { ok: true as const };
    },
  );
  app.post(
    '/api/service-requests/:id/close',
    { config: signedIn, schema: { tags, summary: '评价并办结', params, body: closeServiceRequestBody, response: { 200: ok } } },
    async (request) => {
      await closeServiceRequest(request.ctx, request.params.id, request.body);
      return { ok: true as const };
    },
  );
  app.post(
    '/api/service-requests/:id/withdraw',
    { config: signedIn, schema: { tags, summary: '撤回诉求', params, body: withdrawServiceRequestBody, response: { 200: ok } } },
    async (request) => {
      await withdrawServiceRequest(request.ctx, request.params.id, request.body.reason);
      return { ok: true as const };
    },
  );
  app.post(
    '/api/service-requests/:id/messages',
    {
      config: signedIn,
      schema: { tags, summary: '留言', params, body: serviceMessageBody, response: { 201: z.object({ id: z.string() }) } },
    },
    async (request, reply) =>
      reply.status(201).send({ id: await postServiceMessage(request.ctx, request.params.id, request.body) }),
  );
};
