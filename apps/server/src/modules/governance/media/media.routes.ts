import {
  governanceIdParams,
  governanceOwnersResponse,
  mediaAccountBody,
  mediaAccountsQuery,
  mediaAccountsResponse,
  updateMediaAccountBody,
} from '@tongxin/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createMediaAccount } from './create-media-account.js';
import { listGovernanceOwners } from './list-governance-owners.js';
import { listMediaAccounts } from './list-media-accounts.js';
import { updateMediaAccount } from './update-media-account.js';

const signedIn = { access: 'signed-in' } as const;
const tags = ['governance'];

export const mediaRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/governance/media-accounts',
    {
      config: signedIn,
      schema: {
        tags,
        summary: '红色媒体网络矩阵：账号名录（按平台、区县筛选）',
        querystring: mediaAccountsQuery,
        response: { 200: mediaAccountsResponse },
      },
    },
    (request) => listMediaAccounts(request.ctx, request.query),
  );
  app.post(
    '/api/governance/media-accounts',
    {
      config: signedIn,
      schema: { tags, summary: '登记媒体账号', body: mediaAccountBody, response: { 201: z.object({ id: z.string() }) } },
    },
    async (request, reply) => reply.status(201).send({ id: await createMediaAccount(request.ctx, request.body) }),
  );
  app.put(
    '/api/governance/media-accounts/:id',
    {
      config: signedIn,
      schema: {
        tags,
        summary: '修改媒体账号',
        params: governanceIdParams,
        body: updateMediaAccountBody,
        response: { 200: z.object({ ok: z.literal(true) }) },
      },
    },
    async (request) => {
      await updateMediaAccount(request.ctx, request.params.id, request.body);
      return { ok: true as const };
    },
  );
  app.get(
    '/api/governance/owners',
    {
      config: signedIn,
      schema: { tags, summary: '可登记账号的企业与党组织、区县（仅名称）', response: { 200: governanceOwnersResponse } },
    },
    (request) => listGovernanceOwners(request.ctx),
  );
};
