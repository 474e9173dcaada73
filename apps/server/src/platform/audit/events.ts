/** Every audit event type the code writes (AUD-01). docs/operations.md lists them too (AUD-09). */
export const AUDIT_EVENT_TYPES = [
  'auth.login',
  'auth.logout',
  'auth.timeout',
  'auth.lock',
  'auth.unlock',
  'auth.password_change',
  'auth.password_reset',
  'auth.session_revoke',
  'account.create',
  'account.disable',
  'account.enable',
  'grant.create',
  'grant.revoke',
  'org.create',
  'org.rename',
  'org.move',
  'org.merge',
  'org.dissolve',
  'org.committee_set',
  'access.denied',
  'audit.read',
  'audit.verify',
  'system.backup',
  'system.restore',
  'system.seed',
] as const;
export type AuditEventType = (typeof AUDIT_EVENT_TYPES)[number];

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
