import { changePasswordBody, loginBody, meResponse, sessionList } from '@tongxin/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { clearSessionCookie, setSessionCookie } from '../../platform/auth/cookie.js';
import type { SessionStore } from '../../platform/auth/sessions.js';
import { changeCredentials } from './change-credentials.js';
import { endMySession } from './end-my-session.js';
import { listMySessions } from './list-my-sessions.js';
import { login, prepareLogin } from './login.js';
import { logout } from './logout.js';
import { describeMe } from './me.js';

const ok = z.object({ ok: z.literal(true) });

export const authRoutes: FastifyPluginAsyncZod<{ sessions: SessionStore }> = async (app, { sessions }) => {
  const { deps } = app;
  await prepareLogin(deps);

  app.post(
    '/api/auth/login',
    {
      config: { access: 'public', rateLimit: { max: deps.config.loginRateLimitPerMinute, timeWindow: '1 minute' } },
      schema: { tags: ['auth'], summary: '登录', body: loginBody, response: { 200: ok } },
    },
    async (request, reply) => {
      const { token } = await login(deps, sessions, {
        ...request.body,
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
        requestId: request.id,
      });
      // A fresh token at every login (AUTH-07: no session fixation); an old session cookie is simply replaced.
      setSessionCookie(request, reply, deps.config, token);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/auth/logout',
    {
      config: { access: 'signed-in', allowPendingCredentials: true },
      schema: { tags: ['auth'], summary: '退出登录', response: { 200: ok } },
    },
    async (request, reply) => {
      await logout(request.ctx);
      clearSessionCookie(request, reply, deps.config);
      reply.header('Clear-Site-Data', '"cache", "cookies", "storage"');
      return { ok: true as const };
    },
  );

  app.get(
    '/api/auth/me',
    {
      config: { access: 'signed-in', allowPendingCredentials: true },
      schema: { tags: ['auth'], summary: '当前用户', response: { 200: meResponse } },
    },
    async (request) => describeMe(request.ctx),
  );

  app.post(
    '/api/auth/change-password',
    {
      config: { access: 'signed-in', allowPendingCredentials: true },
      schema: {
        tags: ['auth'],
        summary: '修改密码（首次登录须同时更换用户名）',
        body: changePasswordBody,
        response: { 200: ok },
      },
    },
    async (request) => {
      await changeCredentials(request.ctx, request.body);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/auth/sessions',
    { config: { access: 'signed-in' }, schema: { tags: ['auth'], summary: '我的登录会话', response: { 200: sessionList } } },
    (request) => listMySessions(request.ctx),
  );

  app.delete(
    '/api/auth/sessions/:id',
    {
      config: { access: 'signed-in' },
      schema: {
        tags: ['auth'],
        summary: '结束我的某个会话',
        params: z.object({ id: z.string().regex(/^[0-9a-f]{16}$/) }),
        response: { 200: ok },
      },
    },
    async (request) => {
      await endMySession(request.ctx, request.params.id);
      return { ok: true as const };
    },
  );
};
