import {
  accountListQuery,
  accountListResponse,
  createAccountBody,
  createAccountResponse,
  createGrantBody,
  idParams,
  resetPasswordResponse,
} from '@tongxin/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createAccount } from './create-account.js';
import { grantRole } from './grant-role.js';
import { listAccounts } from './list-accounts.js';
import { resetPassword } from './reset-password.js';
import { revokeGrant } from './revoke-grant.js';
import { revokeSessions } from './revoke-sessions.js';
import { setAccountDisabled } from './set-account-disabled.js';
import { unlockAccount } from './unlock-account.js';

const signedIn = { access: 'signed-in' } as const;
const tags = ['accounts'];
const ok = z.object({ ok: z.literal(true) });

export const accountRoutes: FastifyPluginAsyncZod = async (app) => {
  const noStore = { 'cache-control': 'no-store' };

  app.get(
    '/api/accounts',
    {
      config: signedIn,
      schema: { tags, summary: '账号列表', querystring: accountListQuery, response: { 200: accountListResponse } },
    },
    (request) => listAccounts(request.ctx, request.query),
  );
  app.post(
    '/api/accounts',
    {
      config: signedIn,
      schema: { tags, summary: '新建账号', body: createAccountBody, response: { 201: createAccountResponse } },
    },
    async (request, reply) =>
      reply
        .status(201)
        .headers(noStore)
        .send(await createAccount(request.ctx, request.body)),
  );
  const action = (
    path: string,
    summary: string,
    run: (id: string, request: import('fastify').FastifyRequest) => Promise<unknown>,
  ) =>
    app.post(
      `/api/accounts/:id/${path}`,
      { config: signedIn, schema: { tags, summary, params: idParams, response: { 200: ok } } },
      async (request) => {
        await run(request.params.id, request);
        return { ok: true as const };
      },
    );
  action('disable', '停用账号（立即结束其会话）', (id, request) => setAccountDisabled(request.ctx, id, true));
  action('enable', '启用账号', (id, request) => setAccountDisabled(request.ctx, id, false));
  action('unlock', '解除登录锁定', (id, request) => unlockAccount(request.ctx, id));
  action('revoke-sessions', '结束账号的全部会话', (id, request) => revokeSessions(request.ctx, id));
  app.post(
    '/api/accounts/:id/reset-password',
    { config: signedIn, schema: { tags, summary: '重置密码', params: idParams, response: { 200: resetPasswordResponse } } },
    async (request, reply) => reply.headers(noStore).send(await resetPassword(request.ctx, request.params.id)),
  );
  app.post(
    '/api/grants',
    {
      config: signedIn,
      schema: { tags, summary: '授予角色', body: createGrantBody, response: { 201: z.object({ id: z.string() }) } },
    },
    async (request, reply) => {
      const id = await grantRole(request.ctx, request.body);
      return reply.status(201).send({ id });
    },
  );
  app.delete(
    '/api/grants/:id',
    { config: signedIn, schema: { tags, summary: '撤销角色', params: idParams, response: { 200: ok } } },
    async (request) => {
      await revokeGrant(request.ctx, request.params.id);
      return { ok: true as const };
    },
  );
};
