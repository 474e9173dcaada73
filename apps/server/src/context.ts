import type { Access } from './access/access.js';
import type { AuditContext } from './platform/audit/events.js';
import type { SessionInfo } from './platform/auth/sessions.js';
import type { Deps } from './platform/deps.js';
import type { Log } from './platform/log.js';

/**
 * What every use case is given: the platform's services (database, clock, crypto, audit writer, config) and
 * who is acting. An entry builds it once — the HTTP hook per request (`request.ctx`), the CLI, a background job,
 * an import job, the demo seeder (`entry/system-context.ts`) — so use cases never see Fastify and the same use
 * case serves all of them.
 */
export interface Ctx extends Deps {
  /** The caller's authority, from fresh grants (AZ-08). Inside a transaction use `ctx.access.in(trx)`. */
  readonly access: Access;
  /** Who and where, for audit rows: `ctx.audit.record(trx, ctx.actor, event)`. */
  readonly actor: AuditContext;
  /** The signed-in session, for the few use cases about the session itself (me, re-authentication). */
  readonly session: SessionInfo | null;
  readonly log: Log;
  readonly requestId: string | null;
}
