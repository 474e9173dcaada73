import { describe, expectTypeOf, it } from 'vitest';
import type { AuditEvent, AuditEventOf } from './audit-event.js';

// Type-level checks: `npx tsc -p .` fails when a typed event accepts a wrong detail (the @ts-expect-error lines).
describe('AuditEvent is a union discriminated by type', () => {
  it('a typed event takes its own detail shape', () => {
    const grant: AuditEvent = {
      type: 'grant.create',
      objectType: 'grant',
      objectId: 'g1',
      detail: { after: { userId: 'u1', role: 'secretary', orgId: 'o1', reach: 'subtree' } },
    };
    const logout: AuditEvent = { type: 'auth.logout' };
    const purge: AuditEvent = { type: 'auth.purge', detail: { sessions: 2, loginFailures: 0 } };
    expectTypeOf([grant, logout, purge]).toBeArray();
    expectTypeOf<AuditEventOf<'auth.timeout'>['detail']>().toEqualTypeOf<{ reason: 'idle' | 'absolute' }>();
  });

  it('refuses a wrong, a missing or an unexpected detail', () => {
    // @ts-expect-error grant.create records the grant after, not before
    const wrong: AuditEvent = { type: 'grant.create', detail: { before: { userId: 'u', role: 'r', orgId: null, reach: 'org' } } };
    // @ts-expect-error auth.purge always says how much it purged
    const missing: AuditEvent = { type: 'auth.purge' };
    // @ts-expect-error auth.logout carries no detail
    const unexpected: AuditEvent = { type: 'auth.logout', detail: { via: 'cli' } };
    // @ts-expect-error an event type that does not exist
    const unknown: AuditEvent = { type: 'auth.nothing' };
    expectTypeOf([wrong, missing, unexpected, unknown]).toBeArray();
  });

  it("the business modules' events stay on the generic arm for now", () => {
    const meeting: AuditEvent = { type: 'meeting.plan', orgId: 'o1', detail: { anything: ['goes', 1] } };
    expectTypeOf(meeting.detail).toEqualTypeOf<Record<string, unknown> | undefined>();
  });
});
