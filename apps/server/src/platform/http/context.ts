import type { Access } from '../../access/access.js';
import type { AuditContext } from '../audit/events.js';
import type { SessionInfo } from '../auth/sessions.js';
import type { Deps } from '../deps.js';

export type RouteAccess = 'public' | 'signed-in';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Required on every route (AZ-01): the server refuses to boot without it. */
    access?: RouteAccess;
    /** Reachable while the account must still change its password (the change itself, me, logout). */
    allowPendingCredentials?: boolean;
  }
  interface FastifyRequest {
    access: Access;
    session: SessionInfo | null;
    auditContext(): AuditContext;
  }
  interface FastifyInstance {
    deps: Deps;
  }
}
