import {
  archiveMemberBody,
  createMemberBody,
  memberDetail,
  memberIdParams,
  memberListQuery,
  memberListResponse,
  memberTimelineResponse,
  revealMemberBody,
  revealMemberResponse,
  updateMemberBody,
} from '@tongxin/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { archiveMember } from './archive-member.js';
import { createMember } from './create-member.js';
import { getMember } from './get-member.js';
import { listMembers } from './list-members.js';
import { memberTimeline } from './member-timeline.js';
import { myMember } from './my-member.js';
import { revealMember } from './reveal-member.js';
import { updateMember } from './update-member.js';

const signedIn = { access: 'signed-in' } as const;
const tags = ['members'];
const ok = z.object({ ok: z.literal(true) });

export const memberRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/members',
    {
      config: signedIn,
      schema: {
        tags,
        summary: '党员名册（分页、筛选、搜索）',
        querystring: memberListQuery,
        response: { 200: memberListResponse },
      },
    },
    (request) => listMembers(request.ctx, request.query),
  );
  app.post(
    '/api/members',
    {
      config: signedIn,
      schema: { tags, summary: '新建党员档案', body: createMemberBody, response: { 201: z.object({ id: z.string() }) } },
    },
    async (request, reply) => reply.status(201).send({ id: await createMember(request.ctx, request.body) }),
  );
  app.get(
    '/api/members/mine',
    { config: signedIn, schema: { tags, summary: '我的党员档案（脱敏）', response: { 200: memberDetail } } },
    (request) => myMember(request.ctx),
  );
  app.get(
    '/api/members/:id',
    { config: signedIn, schema: { tags, summary: '党员档案（脱敏）', params: memberIdParams, response: { 200: memberDetail } } },
    (request) => getMember(request.ctx, request.params.id),
  );
  app.put(
    '/api/members/:id',
    {
      config: signedIn,
      schema: { tags, summary: '修改党员档案', params: memberIdParams, body: updateMemberBody, response: { 200: ok } },
    },
    async (request) => {
      await updateMember(request.ctx, request.params.id, request.body);
      return { ok: true as const };
    },
  );
  app.post(
    '/api/members/:id/archive',
    {
      config: signedIn,
      schema: { tags, summary: '党员档案归档', params: memberIdParams, body: archiveMemberBody, response: { 200: ok } },
    },
    async (request) => {
      await archiveMember(request.ctx, request.params.id, request.body);
      return { ok: true as const };
    },
  );
  app.post(
    '/api/members/:id/reveal',
    {
      config: signedIn,
      schema: {
        tags,
        summary: '查看完整身份证号和电话（须密码和事由）',
        params: memberIdParams,
        body: revealMemberBody,
        response: { 200: revealMemberResponse },
      },
    },
    (request) => revealMember(request.ctx, request.params.id, request.body),
  );
  app.get(
    '/api/members/:id/timeline',
    {
      config: signedIn,
      schema: { tags, summary: '党员档案变更记录', params: memberIdParams, response: { 200: memberTimelineResponse } },
    },
    (request) => memberTimeline(request.ctx, request.params.id),
  );
};
