export {
  AUDIT_EVENT_TYPES,
  type AuditEvent,
  type AuditEventOf,
  type AuditEventType,
  type AuditResult,
  type GenericAuditEventType,
} from '@tongxin/contracts';

export interface AuditActor {
  id: string | null;
  name: string | null;
  role: string | null;
}

/** Who and where: taken from the request (or the CLI) once, passed to every recordAudit call. */
export interface AuditContext {
  actor: AuditActor;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
}

// AuditEvent: a union discriminated by `type`, each event with its detail's shape (contracts' audit-event.ts).

export const SYSTEM_CONTEXT: AuditContext = {
  actor: { id: null, name: 'system', role: null },
  ip: null,
  userAgent: null,
  requestId: null,
};
