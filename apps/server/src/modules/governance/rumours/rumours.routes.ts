import {
  answerRumourBody,
  governanceIdParams,
  rebuttalBody,
  rebuttalsQuery,
  rebuttalsResponse,
  rumourReportBody,
  rumourReportsQuery,
  rumourReportsResponse,
} from '@tongxin/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { answerRumourReport } from './answer-rumour-report.js';
import { createRebuttal } from './create-rebuttal.js';
import { listRebuttals } from './list-rebuttals.js';
import { listRumourReports } from './list-rumour-reports.js';
import { submitRumourReport } from './submit-rumour-report.js';

const signedIn = { access: 'signed-in' } as const;
const tags = ['governance'];
const created = z.object({ id: z.string() });

export const rumourRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/governance/rebuttals',
    {
      config: signedIn,
      schema: { tags, summary: '辟谣库（关键词、拼音检索）', querystring: rebuttalsQuery, response: { 200: rebuttalsResponse } },
    },
    (request) => listRebuttals(request.ctx, request.query),
  );
  app.post(
    '/api/governance/rebuttals',
    { config: signedIn, schema: { tags, summary: '新增辟谣条目', body: rebuttalBody, response: { 201: created } } },
    async (request, reply) => reply.status(201).send({ id: await createRebuttal(request.ctx, request.body) }),
  );
  app.get(
    '/api/governance/rumour-reports',
    {
      config: signedIn,
      schema: {
        tags,
        summary: '可疑信息：我提交的 / 待核实队列',
        querystring: rumourReportsQuery,
        response: { 200: rumourReportsResponse },
      },
    },
    (request) => listRumourReports(request.ctx, request.query),
  );
  app.post(
    '/api/governance/rumour-reports',
    { config: signedIn, schema: { tags, summary: '提交可疑信息核实', body: rumourReportBody, response: { 201: created } } },
    async (request, reply) => reply.status(201).send({ id: await submitRumourReport(request.ctx, request.body) }),
  );
  app.post(
    '/api/governance/rumour-reports/:id/answer',
    {
      config: signedIn,
      schema: {
        tags,
        summary: '答复可疑信息（关联辟谣条目或权威来源）',
        params: governanceIdParams,
        body: answerRumourBody,
        response: { 200: z.object({ ok: z.literal(true) }) },
      },
    },
    async (request) => {
      await answerRumourReport(request.ctx, request.params.id, request.body);
      return { ok: true as const };
    },
  );
};
