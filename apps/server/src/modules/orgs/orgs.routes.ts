import {
  committeeBody,
  createOrgBody,
  dissolveOrgBody,
  mergeOrgBody,
  moveOrgBody,
  orgDetail,
  orgHistoryResponse,
  orgIdParams,
  orgListResponse,
  orgSearchQuery,
  orgSearchResponse,
  renameOrgBody,
  termReminderQuery,
  termReminderResponse,
} from '@tongxin/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createOrg } from './create-org.js';
import { dissolveOrg } from './dissolve-org.js';
import { getOrg } from './get-org.js';
import { listChildren } from './list-org-children.js';
import { listRoots } from './list-org-roots.js';
import { mergeOrg } from './merge-org.js';
import { moveOrg } from './move-org.js';
import { orgHistory } from './org-history.js';
import { renameOrg } from './rename-org.js';
import { searchOrgs } from './search-orgs.js';
import { setCommittee } from './set-committee.js';
import { termReminders } from './term-reminders.js';

const signedIn = { access: 'signed-in' } as const;
const tags = ['orgs'];
const created = z.object({ id: z.string() });
const ok = z.object({ ok: z.literal(true) });

export const orgRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/orgs/roots',
    { config: signedIn, schema: { tags, summary: '组织树顶层', response: { 200: orgListResponse } } },
    (request) => listRoots(request.ctx),
  );
  app.get(
    '/api/orgs/search',
    {
      config: signedIn,
      schema: { tags, summary: '按名称或拼音首字母搜索组织', querystring: orgSearchQuery, response: { 200: orgSearchResponse } },
    },
    (request) => searchOrgs(request.ctx, request.query.q),
  );
  app.get(
    '/api/orgs/term-reminders',
    {
      config: signedIn,
      schema: { tags, summary: '即将换届的委员会', querystring: termReminderQuery, response: { 200: termReminderResponse } },
    },
    (request) => termReminders(request.ctx, request.query.days),
  );
  app.get(
    '/api/orgs/:id',
    { config: signedIn, schema: { tags, summary: '组织详情', params: orgIdParams, response: { 200: orgDetail } } },
    (request) => getOrg(request.ctx, request.params.id),
  );
  app.get(
    '/api/orgs/:id/children',
    { config: signedIn, schema: { tags, summary: '下级组织', params: orgIdParams, response: { 200: orgListResponse } } },
    (request) => listChildren(request.ctx, request.params.id),
  );
  app.get(
    '/api/orgs/:id/history',
    { config: signedIn, schema: { tags, summary: '组织沿革', params: orgIdParams, response: { 200: orgHistoryResponse } } },
    (request) => orgHistory(request.ctx, request.params.id),
  );
  app.post(
    '/api/orgs',
    { config: signedIn, schema: { tags, summary: '设立组织', body: createOrgBody, response: { 201: created } } },
    async (request, reply) => {
      const id = await createOrg(request.ctx, request.body);
      return reply.status(201).send({ id });
    },
  );
  app.patch(
    '/api/orgs/:id',
    { config: signedIn, schema: { tags, summary: '组织更名', params: orgIdParams, body: renameOrgBody, response: { 200: ok } } },
    async (request) => {
      await renameOrg(request.ctx, request.params.id, request.body.name);
      return { ok: true as const };
    },
  );
  app.post(
    '/api/orgs/:id/move',
    {
      config: signedIn,
      schema: { tags, summary: '调整隶属关系', params: orgIdParams, body: moveOrgBody, response: { 200: ok } },
    },
    async (request) => {
      await moveOrg(request.ctx, request.params.id, request.body.newParentId);
      return { ok: true as const };
    },
  );
  app.post(
    '/api/orgs/:id/merge',
    { config: signedIn, schema: { tags, summary: '合并组织', params: orgIdParams, body: mergeOrgBody, response: { 200: ok } } },
    async (request) => {
      await mergeOrg(request.ctx, request.params.id, request.body.intoOrgId, request.body.reason);
      return { ok: true as const };
    },
  );
  app.post(
    '/api/orgs/:id/dissolve',
    {
      config: signedIn,
      schema: { tags, summary: '撤销组织', params: orgIdParams, body: dissolveOrgBody, response: { 200: ok } },
    },
    async (request) => {
      await dissolveOrg(request.ctx, request.params.id, request.body.reason);
      return { ok: true as const };
    },
  );
  app.put(
    '/api/orgs/:id/committee',
    {
      config: signedIn,
      schema: { tags, summary: '设置（换届）支部委员会', params: orgIdParams, body: committeeBody, response: { 200: ok } },
    },
    async (request) => {
      await setCommittee(request.ctx, request.params.id, request.body);
      return { ok: true as const };
    },
  );
};
