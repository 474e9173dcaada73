import {
  cancelMeetingBody,
  complianceGapsQuery,
  complianceGapsResponse,
  complianceQuery,
  complianceResponse,
  meetingBody,
  meetingDetail,
  meetingIdParams,
  meetingListQuery,
  meetingListResponse,
  meetingRosterQuery,
  meetingRosterResponse,
  meetingRulesResponse,
  setMeetingRuleBody,
} from '@tongxin/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { cancelMeeting } from './cancel-meeting.js';
import { compliance } from './compliance.js';
import { complianceGaps } from './compliance-gaps.js';
import { getMeeting } from './get-meeting.js';
import { listMeetings } from './list-meetings.js';
import './meeting-attachments.js';
import { getMeetingRules } from './get-meeting-rules.js';
import { meetingRoster } from './meeting-roster.js';
import { planMeeting } from './plan-meeting.js';
import { recordMeeting } from './record-meeting.js';
import { setMeetingRule } from './set-meeting-rule.js';
import { updateMeeting } from './update-meeting.js';

const signedIn = { access: 'signed-in' } as const;
const tags = ['meetings'];
const ok = z.object({ ok: z.literal(true) });
const created = z.object({ id: z.string() });

/** Organisational life (三会一课): meeting records, the compliance grid and its gaps, the frequency rules. */
export const meetingRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/meetings',
    {
      config: signedIn,
      schema: { tags, summary: '会议列表（组织及下级）', querystring: meetingListQuery, response: { 200: meetingListResponse } },
    },
    (request) => listMeetings(request.ctx, request.query),
  );
  app.get(
    '/api/meetings/roster',
    {
      config: signedIn,
      schema: {
        tags,
        summary: '应到人员（出席登记用）',
        querystring: meetingRosterQuery,
        response: { 200: meetingRosterResponse },
      },
    },
    (request) => meetingRoster(request.ctx, request.query),
  );
  app.get(
    '/api/meetings/compliance',
    {
      config: signedIn,
      schema: {
        tags,
        summary: '三会一课落实情况（支部 × 月份）',
        querystring: complianceQuery,
        response: { 200: complianceResponse },
      },
    },
    (request) => compliance(request.ctx, request.query),
  );
  app.get(
    '/api/meetings/compliance/gaps',
    {
      config: signedIn,
      schema: { tags, summary: '三会一课缺开清单', querystring: complianceGapsQuery, response: { 200: complianceGapsResponse } },
    },
    (request) => complianceGaps(request.ctx, request.query),
  );
  app.get(
    '/api/meetings/rules',
    { config: signedIn, schema: { tags, summary: '三会一课频次规则', response: { 200: meetingRulesResponse } } },
    (request) => getMeetingRules(request.ctx),
  );
  app.put(
    '/api/meetings/rules',
    {
      config: signedIn,
      schema: { tags, summary: '设置某类会议自某年起的频次（市级）', body: setMeetingRuleBody, response: { 200: ok } },
    },
    (request) => setMeetingRule(request.ctx, request.body),
  );
  app.post(
    '/api/meetings',
    { config: signedIn, schema: { tags, summary: '计划或记录会议', body: meetingBody, response: { 201: created } } },
    async (request, reply) =>
      reply.status(201).send(await (request.body.status === 'held' ? recordMeeting : planMeeting)(request.ctx, request.body)),
  );
  app.get(
    '/api/meetings/:id',
    { config: signedIn, schema: { tags, summary: '会议详情', params: meetingIdParams, response: { 200: meetingDetail } } },
    (request) => getMeeting(request.ctx, request.params.id),
  );
  app.put(
    '/api/meetings/:id',
    {
      config: signedIn,
      schema: {
        tags,
        summary: '修改会议（计划 → 记录召开情况）',
        params: meetingIdParams,
        body: meetingBody,
        response: { 200: created },
      },
    },
    (request) => updateMeeting(request.ctx, request.params.id, request.body),
  );
  app.post(
    '/api/meetings/:id/cancel',
    {
      config: signedIn,
      schema: { tags, summary: '取消会议', params: meetingIdParams, body: cancelMeetingBody, response: { 200: ok } },
    },
    (request) => cancelMeeting(request.ctx, request.params.id, request.body.reason),
  );
};
