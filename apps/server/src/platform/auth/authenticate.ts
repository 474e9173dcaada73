import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Access, loadGrants } from '../../access/access.js';
import type { AuditContext } from '../audit/events.js';
import { AppError } from '../http/errors.js';
import { clearSessionCookie, sessionCookieName } from './cookie.js';
import type { SessionStore } from './sessions.js';

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

/**
 * Runs before every handler: finds the session, builds the request's Access from fresh grants (AZ-08),
 * and applies the route's declared access and the forced credential change (AUTH-01).
 */
export function installAuthentication(app: FastifyInstance, sessions: SessionStore): void {
  app.decorateRequest('session', null);
  app.decorateRequest('access', null as unknown as Access);
  app.decorateRequest('auditContext', function (this: FastifyRequest): AuditContext {
    const user = this.access?.user;
    return {
      actor: { id: user?.id ?? null, name: user?.username ?? null, role: this.access?.primaryRole ?? null },
      ip: this.ip,
      userAgent: this.headers['user-agent'] ?? null,
      requestId: this.id,
    };
  });

  app.addHook('onRequest', async (request, reply) => {
    const { deps } = app;
    const config = request.routeOptions.config;
    checkOrigin(request);
    const token = request.cookies[sessionCookieName(request, deps.config)];
    const found = token ? await sessions.lookup(token) : null;
    if (found && 'expired' in found) {
      clearSessionCookie(request, reply, deps.config);
      await deps.db.transaction().execute((trx) =>
        deps.audit.record(
          trx,
          {
            actor: { id: found.expired.userId, name: found.expired.username, role: null },
            ip: request.ip,
            userAgent: request.headers['user-agent'] ?? null,
            requestId: request.id,
          },
          { type: 'auth.timeout', detail: { reason: found.expired.reason } },
        ),
      );
    }
    const session = found && 'session' in found ? found.session : null;
    request.session = session;
    const user = session ? { id: session.userId, username: session.username, displayName: session.displayName } : null;
    request.access = new Access(deps.db, user, user ? await loadGrants(deps.db, user.id) : []);

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
