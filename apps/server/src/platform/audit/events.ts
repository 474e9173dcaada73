import type { AuditEventType } from '@tongxin/contracts';

export { AUDIT_EVENT_TYPES, type AuditEventType } from '@tongxin/contracts';

export type AuditResult = 'success' | 'denied' | 'failed';

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

export interface AuditEvent {
  type: AuditEventType;
  result?: AuditResult;
  orgId?: string | null;
  objectType?: string | null;
  objectId?: string | null;
  /** Before/after or parameters; never passwords, tokens or unmasked personal data. */
  detail?: Record<string, unknown>;
}

export const SYSTEM_CONTEXT: AuditContext = {
  actor: { id: null, name: 'system', role: null },
  ip: null,
  userAgent: null,
  requestId: null,
};
