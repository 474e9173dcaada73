import {
  appraisalDetail,
  appraisalEntry,
  appraisalEntryParams,
  appraisalIdParams,
  appraisalListQuery,
  appraisalListResponse,
  openAppraisalBody,
  updateEntryBody,
} from '@tongxin/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { closeAppraisal } from './close-appraisal.js';
import { getAppraisal } from './get-appraisal.js';
import { listAppraisals } from './list-appraisals.js';
import { openAppraisal } from './open-appraisal.js';
import { refreshParticipants } from './refresh-participants.js';
import { updateEntry } from './update-entry.js';

const signedIn = { access: 'signed-in' } as const;
const tags = ['appraisals'];

export const appraisalRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/appraisals',
    {
      config: signedIn,
      schema: {
        tags,
        summary: '民主评议党员（按支部、年度）',
        querystring: appraisalListQuery,
        response: { 200: appraisalListResponse },
      },
    },
    (request) => listAppraisals(request.ctx, request.query),
  );
  app.post(
    '/api/appraisals',
    {
      config: signedIn,
      schema: { tags, summary: '开展年度民主评议', body: openAppraisalBody, response: { 201: z.object({ id: z.string() }) } },
    },
    async (request, reply) => reply.status(201).send({ id: await openAppraisal(request.ctx, request.body) }),
  );
  app.get(
    '/api/appraisals/:id',
    {
      config: signedIn,
      schema: { tags, summary: '民主评议详情', params: appraisalIdParams, response: { 200: appraisalDetail } },
    },
    (request) => getAppraisal(request.ctx, request.params.id),
  );
  app.put(
    '/api/appraisals/:id/entries/:entryId',
    {
      config: signedIn,
      schema: {
        tags,
        summary: '登记党员的自评、互评、支委会意见和等次',
        params: appraisalEntryParams,
        body: updateEntryBody,
        response: { 200: appraisalEntry },
      },
    },
    (request) => updateEntry(request.ctx, request.params.id, request.params.entryId, request.body),
  );
  app.post(
    '/api/appraisals/:id/close',
    {
      config: signedIn,
      schema: {
        tags,
        summary: '结束民主评议（结果记入党员档案）',
        params: appraisalIdParams,
        response: { 200: z.object({ ok: z.literal(true) }) },
      },
    },
    (request) => closeAppraisal(request.ctx, request.params.id),
  );
  app.post(
    '/api/appraisals/:id/refresh',
    {
      config: signedIn,
      schema: {
        tags,
        summary: '按党员名册更新参评名单（新转入的加入，已离开且未评议的移出）',
        params: appraisalIdParams,
        response: { 200: z.object({ added: z.number().int(), removed: z.number().int() }) },
      },
    },
    (request) => refreshParticipants(request.ctx, request.params.id),
  );
};
