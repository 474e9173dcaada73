import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Access, loadGrants } from '../../access/access.js';
import type { Ctx } from '../../context.js';
import type { AuditContext } from '../../platform/audit/events.js';
import { clearSessionCookie, sessionCookieName } from '../../platform/auth/cookie.js';
import type { SessionStore } from '../../platform/auth/sessions.js';
import { AppError } from '../../platform/http/errors.js';
import './request-context.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** IN-05: a cross-site Origin is refused outright; a signed-in change must carry the session's CSRF token. */
function checkOrigin(request: FastifyRequest): void {
  const origin = request.headers.origin;
  if (!origin || SAFE_METHODS.has(request.method)) return;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    throw new AppError(403, 'csrf_failed', '请求来源不被信任');
  }
  if (host !== request.headers.host) throw new AppError(403, 'csrf_failed', '请求来源不被信任');
}

/** Who and where, as audit rows record it, for a request. */
export function requestActor(request: FastifyRequest, access: Access | null): AuditContext {
  const user = access?.user;
  return {
    actor: { id: user?.id ?? null, name: user?.username ?? null, role: access?.primaryRole ?? null },
    ip: request.ip,
    userAgent: request.headers['user-agent'] ?? null,
    requestId: request.id,
  };
}

/**
 * Runs before every handler: finds the session, builds the request's Access from fresh grants (AZ-08) and the
 * use cases' context (`request.ctx`), and applies the route's declared access and the forced credential change
 * (AUTH-01).
 */
export function installAuthentication(app: FastifyInstance, sessions: SessionStore): void {
  app.decorateRequest('session', null);
  app.decorateRequest('ctx', null as unknown as Ctx);

  app.addHook('onRequest', async (request, reply) => {
    const { deps } = app;
    const config = request.routeOptions.config;
    checkOrigin(request);
    const token = request.cookies[sessionCookieName(request, deps.config)];
    const found = token ? await sessions.lookup(token) : null;
    if (found && 'expired' in found) {
      clearSessionCookie(request, reply, deps.config);
      const actor = requestActor(request, null);
      await deps.db
        .transaction()
        .execute((trx) =>
          deps.audit.record(
            trx,
            { ...actor, actor: { id: found.expired.userId, name: found.expired.username, role: null } },
            { type: 'auth.timeout', detail: { reason: found.expired.reason } },
          ),
        );
    }
    const session = found && 'session' in found ? found.session : null;
    request.session = session;
    const user = session ? { id: session.userId, username: session.username, displayName: session.displayName } : null;
    const access = new Access(deps.db, user, user ? await loadGrants(deps.db, user.id) : []);
    request.ctx = { ...deps, access, actor: requestActor(request, access), session, log: request.log, requestId: request.id };

    if (config.access === 'public') return;
    if (!session) throw new AppError(401, 'unauthenticated', found ? '登录已超时，请重新登录' : '请先登录');
    if (!SAFE_METHODS.has(request.method)) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !sameText(sent, session.csrfToken))
        throw new AppError(403, 'csrf_failed', '页面已过期，请刷新后重试');
    }
    if ((session.mustChangePassword || session.mustChangeUsername) && !config.allowPendingCredentials) {
      throw new AppError(403, 'password_change_required', '请先修改初始密码');
    }
  });
}
