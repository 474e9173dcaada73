import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { configureChineseMessages } from '@tongxin/contracts';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { installAdminNetworks } from './entry/http/admin-networks.js';
import { installAuthentication } from './entry/http/authenticate.js';
import { installErrorHandler } from './entry/http/error-handler.js';
import { installInputGuard } from './entry/http/input-guard.js';
import { accountRoutes } from './modules/accounts/accounts.routes.js';
import { appraisalRoutes } from './modules/appraisals/appraisals.routes.js';
import { fileRoutes } from './modules/attachments/files.routes.js';
import { auditRoutes } from './modules/audit/audit.routes.js';
import { authRoutes } from './modules/auth/auth.routes.js';
import { developmentRoutes } from './modules/development/development.routes.js';
import { duesRoutes } from './modules/dues/dues.routes.js';
import { enterpriseRoutes } from './modules/enterprises/enterprises.routes.js';
import { enterpriseExcelRoutes } from './modules/enterprises/excel/enterprise-excel.routes.js';
import { eventRoutes } from './modules/events/events.routes.js';
import { governanceRoutes } from './modules/governance/governance.routes.js';
import { learningRoutes } from './modules/learning/learning.routes.js';
import { ledgerCheckRoutes } from './modules/ledger-check/ledger-check.routes.js';
import { meetingRoutes } from './modules/meetings/meetings.routes.js';
import { memberExcelRoutes } from './modules/members/excel/member-excel.routes.js';
import { memberRoutes } from './modules/members/members.routes.js';
import { myRoutes } from './modules/my/my.routes.js';
import { noticeRoutes } from './modules/notices/notices.routes.js';
import { orgRoutes } from './modules/orgs/orgs.routes.js';
import { ratingRoutes } from './modules/ratings/ratings.routes.js';
import { serviceRoutes } from './modules/services/services.routes.js';
import { todoRoutes } from './modules/todos/todos.routes.js';
import { transferRoutes } from './modules/transfers/transfers.routes.js';
import { sessionStore } from './platform/auth/sessions.js';
import type { TestClock } from './platform/clock.js';
import type { Deps } from './platform/deps.js';
import { logSerializers } from './platform/http/log-redaction.js';
import { declareAccess, enforceRouteAccess, type RouteRecord } from './platform/http/route-access.js';
import { installSecurityHeaders } from './platform/http/security-headers.js';
import { installTestClockRoute } from './platform/test-clock.js';

export interface BuildOptions {
  /** Built web app to serve (apps/web/dist); absent in API-only tests. */
  webRoot?: string | null;
  logger?: boolean | object;
  /** Installed only by `tongxin start` under TONGXIN_TEST_CLOCK (see platform/test-clock.ts). */
  testClock?: TestClock | null;
}

/** The whole server without listen(): tests drive it with inject(). */
export async function buildApp(
  deps: Deps,
  options: BuildOptions = {},
): Promise<FastifyInstance & { routeRegistry: RouteRecord[] }> {
  configureChineseMessages();
  const app = Fastify({
    logger: options.logger ? { ...(options.logger === true ? {} : options.logger), serializers: logSerializers } : false,
    // randomUUID draws from a pooled buffer; uuid's v7 asked the OS for 16 random bytes on every request.
    genReqId: () => randomUUID(),
    trustProxy: deps.config.trustProxy,
    bodyLimit: 1_048_576,
    // IN-09: __proto__ and constructor.prototype in JSON bodies are refused (also by the input guard's parser).
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
  }).withTypeProvider<ZodTypeProvider>();
  const registry: RouteRecord[] = [];
  app.decorate('deps', deps);
  app.decorate('routeRegistry', registry);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  enforceRouteAccess(app, registry);
  installErrorHandler(app);

  installSecurityHeaders(app);
  installInputGuard(app);
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: { info: { title: '同心 Tongxin API', version: '0.1.0' } },
    transform: jsonSchemaTransform,
  });
  // The OpenAPI UI's routes are public; they get that declaration from their own scope (see declareAccess).
  await app.register(async (docs) => {
    declareAccess(docs, 'public');
    await docs.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list' } });
  });

  installAuthentication(app, sessionStore(deps));
  installAdminNetworks(app, deps.config.adminNetworks);

  if (options.testClock) installTestClockRoute(app, options.testClock);
  app.get('/api/health', { config: { access: 'public' }, schema: { hide: true } }, async () => ({ ok: true }));
  await app.register(authRoutes, { sessions: sessionStore(deps) });
  await app.register(orgRoutes);
  await app.register(memberExcelRoutes);
  await app.register(memberRoutes);
  await app.register(duesRoutes);
  await app.register(transferRoutes);
  await app.register(serviceRoutes);
  await app.register(enterpriseExcelRoutes);
  await app.register(enterpriseRoutes);
  await app.register(developmentRoutes);
  await app.register(ledgerCheckRoutes);
  await app.register(accountRoutes);
  await app.register(auditRoutes);
  await app.register(meetingRoutes);
  await app.register(fileRoutes);
  await app.register(todoRoutes);
  await app.register(noticeRoutes);
  await app.register(appraisalRoutes);
  await app.register(eventRoutes);
  await app.register(learningRoutes);
  await app.register(myRoutes);
  await app.register(ratingRoutes);
  await app.register(governanceRoutes);

  const webRoot = options.webRoot;
  if (webRoot && fs.existsSync(path.join(webRoot, 'index.html'))) {
    // The built web app's files are public; @fastify/static's routes get that declaration from their own scope.
    await app.register(async (web) => {
      declareAccess(web, 'public');
      await web.register(fastifyStatic, { root: webRoot, wildcard: false });
      // The web app routes in the browser: any other non-API GET serves index.html.
      web.get('/*', { config: { access: 'public' }, schema: { hide: true } }, (request, reply) =>
        request.url.startsWith('/api/') ? reply.callNotFound() : reply.sendFile('index.html'),
      );
    });
  }
  await app.ready();
  return app as unknown as FastifyInstance & { routeRegistry: RouteRecord[] };
}
