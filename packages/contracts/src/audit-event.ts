import type { AuditEventType } from './audit-events.js';

/** How an audited action ended. */
export type AuditResult = 'success' | 'denied' | 'failed';

/** An account's role grant as audit details show it, before a revocation or after a grant. */
interface GrantSnapshot {
  userId: string;
  role: string;
  orgId: string | null;
  reach: string;
}

/**
 * The `detail` of each event type whose shape is fixed: the platform's, sign-in's, accounts' and the audit log's
 * own events (AUD-01). `undefined` means the event carries none. Details never hold passwords, tokens or unmasked
 * personal data.
 */
export interface AuditEventDetails {
  'auth.login': { reason: string } | undefined;
  'auth.logout': undefined;
  'auth.timeout': { reason: 'idle' | 'absolute' };
  'auth.lock': undefined;
  'auth.unlock': undefined;
  /** The new username when the first change of credentials also renamed the account. */
  'auth.password_change': { username?: { from: string; to: string }; reason?: string } | undefined;
  'auth.password_expired': { changedAt: string | null };
  'auth.purge': { sessions: number; loginFailures: number };
  'auth.password_reset': { via: 'cli' } | undefined;
  'auth.session_revoke': undefined;
  'account.create':
    | { after: { username: string; displayName: string; homeOrgId: string | null } }
    | { via: 'cli'; role: string; orgId: string | null }
    | { bootstrap: true };
  'account.disable': { reason: string; lastLoginAt?: string | null } | undefined;
  'account.enable': undefined;
  'grant.create': { after: GrantSnapshot };
  'grant.revoke': { before: GrantSnapshot };
  'access.denied': { method: string; route: string; status: number; message: string };
  'audit.read': { query: Record<string, unknown>; returned: number };
  'audit.verify': { ok: boolean; checked: number; firstBadSeq: number | null; reason: string | null };
  'system.backup':
    | { file: string; bytes: number; auditEntries: number; files: number; filesCopied: number; rows: Record<string, number> }
    | { file: string; reason: string };
  'system.restore': { source: string };
}

/** Event types with a typed detail; every other type is on the generic arm of `AuditEvent` for now. */
export type TypedAuditEventType = keyof AuditEventDetails;

/** Event types still on the generic arm (their detail is free-form). */
export type GenericAuditEventType = Exclude<AuditEventType, TypedAuditEventType>;

/** Where the event happened and what it was about; the same for every type. */
interface AuditEventSubject {
  result?: AuditResult;
  orgId?: string | null;
  objectType?: string | null;
  objectId?: string | null;
}

/**
 * One audit event as `ctx.audit.record` takes it: a union discriminated by `type`, each typed event with its own
 * `detail` shape (required when it has one, absent when it has none). The remaining event types (the business
 * modules') share a generic arm with a free-form detail until their shapes are written down here.
 */
export type AuditEvent =
  | {
      [K in TypedAuditEventType]: AuditEventSubject & { type: K } & (undefined extends AuditEventDetails[K]
          ? { detail?: AuditEventDetails[K] }
          : { detail: AuditEventDetails[K] });
    }[TypedAuditEventType]
  | (AuditEventSubject & {
      type: GenericAuditEventType;
      /** Before/after or parameters; never passwords, tokens or unmasked personal data. */
      detail?: Record<string, unknown>;
    });

/** The event of one type. */
export type AuditEventOf<K extends AuditEventType> = Extract<AuditEvent, { type: K }>;
