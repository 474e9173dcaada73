import {
  boardResponse,
  closeDevelopmentBody,
  createDevelopmentBody,
  createNoticeBody,
  cultivationBody,
  deadlinesResponse,
  developmentDetail,
  developmentIdParams,
  extendProbationBody,
  noticeView,
  objectionBody,
  orgQuery,
  planQuery,
  planResponse,
  publicNoticeListQuery,
  recordStepBody,
  revealMemberBody,
  revealMemberResponse,
  setMentorBody,
  setPlanBody,
  talentResponse,
} from '@tongxin/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { addCultivation } from './add-cultivation.js';
import { closeDevelopment } from './close-development.js';
import { createDevelopment } from './create-development.js';
import { createNotice } from './create-notice.js';
import { developmentBoard } from './development-board.js';
import { developmentDeadlines } from './development-deadlines.js';
import { extendProbation } from './extend-probation.js';
import { getDevelopment } from './get-development.js';
import { developmentPlan } from './get-development-plan.js';
import { listNotices } from './list-notices.js';
import { listTalents } from './list-talents.js';
import { recordObjection } from './record-objection.js';
import { recordStep } from './record-step.js';
import { revealDevelopment } from './reveal-development.js';
import { setDevelopmentPlan } from './set-development-plan.js';
import { setTalentMentor } from './set-talent-mentor.js';

const signedIn = { access: 'signed-in' } as const;
const tags = ['development'];
const ok = z.object({ ok: z.literal(true) });
const created = z.object({ id: z.string() });

export const developmentRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/development/board',
    {
      config: signedIn,
      schema: { tags, summary: '发展党员看板（按阶段）', querystring: orgQuery, response: { 200: boardResponse } },
    },
    (request) => developmentBoard(request.ctx, request.query.orgId),
  );
  app.get(
    '/api/development/deadlines',
    {
      config: signedIn,
      schema: { tags, summary: '逾期和即将到期的发展步骤', querystring: orgQuery, response: { 200: deadlinesResponse } },
    },
    (request) => developmentDeadlines(request.ctx, request.query.orgId),
  );
  app.get(
    '/api/development/notices',
    {
      config: signedIn,
      schema: {
        tags,
        summary: '发展党员公示',
        querystring: publicNoticeListQuery,
        response: { 200: z.object({ items: z.array(noticeView) }) },
      },
    },
    (request) => listNotices(request.ctx, request.query.orgId, request.query.state),
  );
  app.post(
    '/api/development/notices/:id/objections',
    {
      config: signedIn,
      schema: {
        tags,
        summary: '登记公示期间反映的意见',
        params: developmentIdParams,
        body: objectionBody,
        response: { 200: ok },
      },
    },
    (request) => recordObjection(request.ctx, request.params.id, request.body),
  );
  app.get(
    '/api/development/plans',
    {
      config: signedIn,
      schema: { tags, summary: '年度发展计划与完成情况', querystring: planQuery, response: { 200: planResponse } },
    },
    (request) => developmentPlan(request.ctx, request.query.orgId, request.query.year),
  );
  app.put(
    '/api/development/plans',
    { config: signedIn, schema: { tags, summary: '设置年度发展计划', body: setPlanBody, response: { 200: ok } } },
    (request) => setDevelopmentPlan(request.ctx, request.body),
  );
  app.get(
    '/api/development/talents',
    { config: signedIn, schema: { tags, summary: '重点人才名单', querystring: orgQuery, response: { 200: talentResponse } } },
    (request) => listTalents(request.ctx, request.query.orgId),
  );
  app.put(
    '/api/development/talents/mentor',
    { config: signedIn, schema: { tags, summary: '指定重点人才培养联系人', body: setMentorBody, response: { 200: ok } } },
    (request) => setTalentMentor(request.ctx, request.body),
  );
  app.post(
    '/api/development/talents/records',
    { config: signedIn, schema: { tags, summary: '登记重点人才培养记录', body: cultivationBody, response: { 201: ok } } },
    async (request, reply) => reply.status(201).send(await addCultivation(request.ctx, request.body)),
  );
  app.post(
    '/api/development',
    {
      config: signedIn,
      schema: { tags, summary: '登记入党申请（建立发展档案）', body: createDevelopmentBody, response: { 201: created } },
    },
    async (request, reply) => reply.status(201).send({ id: await createDevelopment(request.ctx, request.body) }),
  );
  app.get(
    '/api/development/:id',
    {
      config: signedIn,
      schema: { tags, summary: '发展党员档案（一人一档）', params: developmentIdParams, response: { 200: developmentDetail } },
    },
    (request) => getDevelopment(request.ctx, request.params.id),
  );
  app.post(
    '/api/development/:id/steps',
    {
      config: signedIn,
      schema: { tags, summary: '办理发展步骤', params: developmentIdParams, body: recordStepBody, response: { 201: created } },
    },
    async (request, reply) => reply.status(201).send({ id: await recordStep(request.ctx, request.params.id, request.body) }),
  );
  app.post(
    '/api/development/:id/notices',
    {
      config: signedIn,
      schema: {
        tags,
        summary: '发布公示',
        params: developmentIdParams,
        body: createNoticeBody,
        response: { 201: z.object({ id: z.string(), endsOn: z.string() }) },
      },
    },
    async (request, reply) => reply.status(201).send(await createNotice(request.ctx, request.params.id, request.body)),
  );
  app.post(
    '/api/development/:id/extend',
    {
      config: signedIn,
      schema: {
        tags,
        summary: '延长预备期',
        params: developmentIdParams,
        body: extendProbationBody,
        response: { 200: z.object({ probationEndsOn: z.string() }) },
      },
    },
    (request) => extendProbation(request.ctx, request.params.id, request.body),
  );
  app.post(
    '/api/development/:id/reveal',
    {
      config: signedIn,
      schema: {
        tags,
        summary: '查看发展对象完整身份证号和电话（须密码和事由）',
        params: developmentIdParams,
        body: revealMemberBody,
        response: { 200: revealMemberResponse },
      },
    },
    (request) => revealDevelopment(request.ctx, request.params.id, request.body),
  );
  app.post(
    '/api/development/:id/close',
    {
      config: signedIn,
      schema: { tags, summary: '终止发展', params: developmentIdParams, body: closeDevelopmentBody, response: { 200: ok } },
    },
    (request) => closeDevelopment(request.ctx, request.params.id, request.body.reason),
  );
};
