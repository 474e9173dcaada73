import {
  addParticipantBody,
  checkInBody,
  checkInCodeResponse,
  checkInResponse,
  createEventBody,
  eventDetail,
  eventIdParams,
  eventListQuery,
  eventListResponse,
  eventSummaryBody,
  registerBody,
  registrationParams,
  registrationResponse,
} from '@tongxin/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { addParticipant } from './add-participant.js';
import { cancelRegistration } from './cancel-registration.js';
import { checkInByCode, tickIn } from './check-in.js';
import { createEvent } from './create-event.js';
import { getEvent } from './get-event.js';
import { listEvents } from './list-events.js';
import { registerForEvent } from './register-for-event.js';
import { saveEventSummary } from './save-event-summary.js';
import { showCheckInCode } from './show-check-in-code.js';

const signedIn = { access: 'signed-in' } as const;
const tags = ['events'];
const ok = z.object({ ok: z.literal(true) });

export const eventRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/events',
    {
      config: signedIn,
      schema: {
        tags,
        summary: '活动（本组织主办的、受邀的）',
        querystring: eventListQuery,
        response: { 200: eventListResponse },
      },
    },
    (request) => listEvents(request.ctx, request.query),
  );
  app.post(
    '/api/events',
    {
      config: signedIn,
      schema: { tags, summary: '发布活动', body: createEventBody, response: { 201: z.object({ id: z.string() }) } },
    },
    async (request, reply) => reply.status(201).send({ id: await createEvent(request.ctx, request.body) }),
  );
  app.post(
    '/api/events/check-in',
    {
      config: signedIn,
      schema: { tags, summary: '扫码签到（主办方扫描参与者的签到码）', body: checkInBody, response: { 200: checkInResponse } },
    },
    (request) => checkInByCode(request.ctx, request.body.code),
  );
  app.get(
    '/api/events/:id',
    { config: signedIn, schema: { tags, summary: '活动详情', params: eventIdParams, response: { 200: eventDetail } } },
    (request) => getEvent(request.ctx, request.params.id),
  );
  app.post(
    '/api/events/:id/registrations',
    {
      config: signedIn,
      schema: {
        tags,
        summary: '报名（名额已满则进入候补）',
        params: eventIdParams,
        body: registerBody,
        response: { 201: registrationResponse },
      },
    },
    async (request, reply) => reply.status(201).send(await registerForEvent(request.ctx, request.params.id, request.body)),
  );
  app.post(
    '/api/events/:id/participants',
    {
      config: signedIn,
      schema: {
        tags,
        summary: '主办方添加参与者',
        params: eventIdParams,
        body: addParticipantBody,
        response: { 201: registrationResponse },
      },
    },
    async (request, reply) => reply.status(201).send(await addParticipant(request.ctx, request.params.id, request.body)),
  );
  app.post(
    '/api/events/:id/registrations/:registrationId/cancel',
    {
      config: signedIn,
      schema: { tags, summary: '取消报名（候补按顺序递补）', params: registrationParams, response: { 200: ok } },
    },
    async (request) => {
      await cancelRegistration(request.ctx, request.params.id, request.params.registrationId);
      return { ok: true as const };
    },
  );
  app.post(
    '/api/events/:id/registrations/:registrationId/check-in',
    {
      config: signedIn,
      schema: { tags, summary: '主办方登记签到', params: registrationParams, response: { 200: checkInResponse } },
    },
    (request) => tickIn(request.ctx, request.params.id, request.params.registrationId),
  );
  app.get(
    '/api/events/:id/check-in-code',
    {
      config: signedIn,
      schema: { tags, summary: '我的签到码（限时有效）', params: eventIdParams, response: { 200: checkInCodeResponse } },
    },
    (request) => showCheckInCode(request.ctx, request.params.id),
  );
  app.put(
    '/api/events/:id/summary',
    {
      config: signedIn,
      schema: { tags, summary: '活动小结、后续事项和照片', params: eventIdParams, body: eventSummaryBody, response: { 200: ok } },
    },
    async (request) => {
      await saveEventSummary(request.ctx, request.params.id, request.body);
      return { ok: true as const };
    },
  );
};
