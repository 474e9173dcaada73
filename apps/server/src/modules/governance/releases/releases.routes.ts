import {
  createHotEventBody,
  governanceIdParams,
  hotEventsResponse,
  publishReleaseBody,
  relayReportBody,
  relayTargetsResponse,
  relayTasksQuery,
  relayTasksResponse,
  releaseDetail,
} from '@tongxin/contracts';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createHotEvent } from './create-hot-event.js';
import { exportRelayReport } from './export-relay-report.js';
import { getRelease } from './get-release.js';
import { listHotEvents } from './list-hot-events.js';
import { listRelayTargets } from './list-relay-targets.js';
import { listRelayTasks } from './list-relay-tasks.js';
import { publishRelease } from './publish-release.js';
import { reportRelay } from './report-relay.js';

const signedIn = { access: 'signed-in' } as const;
const tags = ['governance'];
const params = governanceIdParams;
const created = z.object({ id: z.string() });
/** IN-08: exports per user per minute. */
const EXPORTS_PER_MINUTE = 10;

export const releaseRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/governance/events',
    {
      config: signedIn,
      schema: { tags, summary: '网络热点事件看板（权威信息与转发进度）', response: { 200: hotEventsResponse } },
    },
    (request) => listHotEvents(request.ctx),
  );
  app.post(
    '/api/governance/events',
    { config: signedIn, schema: { tags, summary: '登记网络热点事件', body: createHotEventBody, response: { 201: created } } },
    async (request, reply) => reply.status(201).send({ id: await createHotEvent(request.ctx, request.body) }),
  );
  app.get(
    '/api/governance/events/:id/targets',
    {
      config: signedIn,
      schema: { tags, summary: '可下发转发任务的对象（仅名称）', params, response: { 200: relayTargetsResponse } },
    },
    (request) => listRelayTargets(request.ctx, request.params.id),
  );
  app.post(
    '/api/governance/events/:id/releases',
    {
      config: signedIn,
      schema: { tags, summary: '发布权威信息并下发转发任务', params, body: publishReleaseBody, response: { 201: created } },
    },
    async (request, reply) => reply.status(201).send({ id: await publishRelease(request.ctx, request.params.id, request.body) }),
  );
  app.get(
    '/api/governance/releases/:id',
    { config: signedIn, schema: { tags, summary: '权威信息与转发情况', params, response: { 200: releaseDetail } } },
    (request) => getRelease(request.ctx, request.params.id),
  );
  app.get(
    '/api/governance/releases/:id/export',
    {
      config: {
        access: 'signed-in',
        rateLimit: {
          max: EXPORTS_PER_MINUTE,
          timeWindow: '1 minute',
          keyGenerator: (request: FastifyRequest) => `relay-export:${request.session?.userId ?? request.ip}`,
        },
      },
      schema: { tags, summary: '导出转发情况（.xlsx）', params },
    },
    (request, reply) => exportRelayReport(request.ctx, reply, request.params.id),
  );
  app.get(
    '/api/governance/relay-tasks',
    {
      config: signedIn,
      schema: { tags, summary: '我的转发任务', querystring: relayTasksQuery, response: { 200: relayTasksResponse } },
    },
    (request) => listRelayTasks(request.ctx, request.query),
  );
  app.post(
    '/api/governance/relay-tasks/:id/report',
    {
      config: signedIn,
      schema: {
        tags,
        summary: '报告转发情况（链接与截图；逾期报告照收并标记）',
        params,
        body: relayReportBody,
        response: { 200: z.object({ late: z.boolean() }) },
      },
    },
    (request) => reportRelay(request.ctx, request.params.id, request.body),
  );
};
