import {
  approveBody,
  createRubricBody,
  createShowcaseBody,
  objectionParams,
  openRoundBody,
  orgStarsQuery,
  orgStarsResponse,
  ratingDetail,
  ratingIdParams,
  ratingObjectionBody,
  resolveObjectionBody,
  reviewBody,
  roundDetail,
  roundIdParams,
  roundListQuery,
  roundListResponse,
  rubricDetail,
  rubricListResponse,
  rubricVersionParams,
  selfRateBody,
  showcaseIdParams,
  showcaseListQuery,
  showcaseListResponse,
  showcaseProgressBody,
  starMapQuery,
  starMapResponse,
} from '@tongxin/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { approveRating } from './approve-rating.js';
import { createRubric } from './create-rubric.js';
import { getRating } from './get-rating.js';
import { getRound } from './get-round.js';
import { listRounds } from './list-rounds.js';
import { getRubric, listRubrics } from './list-rubrics.js';
import { raiseObjection, resolveObjection } from './objections.js';
import { openRound } from './open-round.js';
import { orgStars } from './org-stars.js';
import './rating-attachments.js';
import { reviewRating } from './review-rating.js';
import { publishRound, startNotice } from './round-steps.js';
import { selfRate } from './self-rate.js';
import { createShowcase, listShowcases, recordShowcaseProgress } from './showcases.js';
import { starMap } from './star-map.js';

const signedIn = { access: 'signed-in' } as const;
const tags = ['ratings'];
const ok = z.object({ ok: z.literal(true) });
const created = z.object({ id: z.string() });

/** Five-star rating (五星创评), showcases and incubation (issue #16). */
export const ratingRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/ratings/rubrics',
    { config: signedIn, schema: { tags, summary: '五星创评标准（各版本）', response: { 200: rubricListResponse } } },
    (request) => listRubrics(request.ctx),
  );
  app.get(
    '/api/ratings/rubrics/:version',
    {
      config: signedIn,
      schema: { tags, summary: '五星创评标准详情', params: rubricVersionParams, response: { 200: rubricDetail } },
    },
    (request) => getRubric(request.ctx, request.params.version),
  );
  app.post(
    '/api/ratings/rubrics',
    {
      config: signedIn,
      schema: {
        tags,
        summary: '保存新版本的五星创评标准（市级）',
        body: createRubricBody,
        response: { 201: z.object({ version: z.string() }) },
      },
    },
    async (request, reply) => reply.status(201).send(await createRubric(request.ctx, request.body.body)),
  );
  app.get(
    '/api/ratings/rounds',
    {
      config: signedIn,
      schema: { tags, summary: '五星创评（轮次）', querystring: roundListQuery, response: { 200: roundListResponse } },
    },
    (request) => listRounds(request.ctx, request.query),
  );
  app.post(
    '/api/ratings/rounds',
    { config: signedIn, schema: { tags, summary: '开展五星创评', body: openRoundBody, response: { 201: created } } },
    async (request, reply) => reply.status(201).send({ id: await openRound(request.ctx, request.body) }),
  );
  app.get(
    '/api/ratings/rounds/:id',
    { config: signedIn, schema: { tags, summary: '五星创评看板', params: roundIdParams, response: { 200: roundDetail } } },
    (request) => getRound(request.ctx, request.params.id),
  );
  app.post(
    '/api/ratings/rounds/:id/notice',
    {
      config: signedIn,
      schema: {
        tags,
        summary: '公示评定结果',
        params: roundIdParams,
        response: { 200: z.object({ noticeFrom: z.string(), noticeUntil: z.string() }) },
      },
    },
    (request) => startNotice(request.ctx, request.params.id),
  );
  app.post(
    '/api/ratings/rounds/:id/publish',
    {
      config: signedIn,
      schema: {
        tags,
        summary: '发布星级（公示期满）',
        params: roundIdParams,
        response: { 200: z.object({ published: z.number(), validUntil: z.string() }) },
      },
    },
    (request) => publishRound(request.ctx, request.params.id),
  );
  app.get(
    '/api/ratings/stars',
    {
      config: signedIn,
      schema: { tags, summary: '组织的星级及历史', querystring: orgStarsQuery, response: { 200: orgStarsResponse } },
    },
    (request) => orgStars(request.ctx, request.query.orgId),
  );
  app.get(
    '/api/ratings/star-map',
    {
      config: signedIn,
      schema: { tags, summary: '星级分布（下级组织）', querystring: starMapQuery, response: { 200: starMapResponse } },
    },
    (request) => starMap(request.ctx, request.query.orgId),
  );
  app.get(
    '/api/ratings/showcases',
    {
      config: signedIn,
      schema: { tags, summary: '示范点和孵化对象', querystring: showcaseListQuery, response: { 200: showcaseListResponse } },
    },
    (request) => listShowcases(request.ctx, request.query),
  );
  app.post(
    '/api/ratings/showcases',
    { config: signedIn, schema: { tags, summary: '确定示范点或孵化对象', body: createShowcaseBody, response: { 201: created } } },
    async (request, reply) => reply.status(201).send(await createShowcase(request.ctx, request.body)),
  );
  app.post(
    '/api/ratings/showcases/:id/progress',
    {
      config: signedIn,
      schema: {
        tags,
        summary: '登记示范点/孵化进展',
        params: showcaseIdParams,
        body: showcaseProgressBody,
        response: { 200: ok },
      },
    },
    (request) => recordShowcaseProgress(request.ctx, request.params.id, request.body),
  );
  app.get(
    '/api/ratings/:id',
    {
      config: signedIn,
      schema: { tags, summary: '支部的评定（自评、审核、审定）', params: ratingIdParams, response: { 200: ratingDetail } },
    },
    (request) => getRating(request.ctx, request.params.id),
  );
  app.put(
    '/api/ratings/:id/self',
    {
      config: signedIn,
      schema: { tags, summary: '支部自评（保存或提交）', params: ratingIdParams, body: selfRateBody, response: { 200: ok } },
    },
    (request) => selfRate(request.ctx, request.params.id, request.body),
  );
  app.put(
    '/api/ratings/:id/review',
    {
      config: signedIn,
      schema: { tags, summary: '审核（调整须说明理由）', params: ratingIdParams, body: reviewBody, response: { 200: ok } },
    },
    (request) => reviewRating(request.ctx, request.params.id, request.body),
  );
  app.post(
    '/api/ratings/:id/approve',
    { config: signedIn, schema: { tags, summary: '审定星级', params: ratingIdParams, body: approveBody, response: { 200: ok } } },
    (request) => approveRating(request.ctx, request.params.id, request.body),
  );
  app.post(
    '/api/ratings/:id/objections',
    {
      config: signedIn,
      schema: {
        tags,
        summary: '公示期内提出异议',
        params: ratingIdParams,
        body: ratingObjectionBody,
        response: { 201: created },
      },
    },
    async (request, reply) => reply.status(201).send(await raiseObjection(request.ctx, request.params.id, request.body.text)),
  );
  app.post(
    '/api/ratings/:id/objections/:objectionId/resolve',
    {
      config: signedIn,
      schema: { tags, summary: '处理异议', params: objectionParams, body: resolveObjectionBody, response: { 200: ok } },
    },
    (request) => resolveObjection(request.ctx, request.params.id, request.params.objectionId, request.body),
  );
};
