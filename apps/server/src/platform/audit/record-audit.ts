import { v7 as uuidv7 } from 'uuid';
import type { Clock } from '../clock.js';
import type { CryptoProvider } from '../crypto/provider.js';
import type { Dialect, Trx } from '../db/connect.js';
import { canonical, headText } from './chain.js';
import type { AuditContext, AuditEvent } from './events.js';

export interface AuditWriter {
  /** Appends one event inside the caller's transaction: if this throws, the caller's change rolls back (AUD-04). */
  record(trx: Trx, ctx: AuditContext, event: AuditEvent): Promise<void>;
}

export function auditWriter(crypto: CryptoProvider, clock: Clock, dialect: Dialect): AuditWriter {
  return {
    async record(trx, ctx, event) {
      // Lock the head row so concurrent PostgreSQL transactions extend the chain one at a time.
      const head = await trx
        .selectFrom('audit_head')
        .select(['seq', 'hash'])
        .where('id', '=', 1)
        .$if(dialect === 'postgres', (q) => q.forUpdate())
        .executeTakeFirstOrThrow();
      const row = {
        seq: Number(head.seq) + 1,
        id: uuidv7(),
        at: clock.now().toISOString(),
        type: event.type,
        result: event.result ?? 'success',
        actor_id: ctx.actor.id,
        actor_name: ctx.actor.name,
        actor_role: ctx.actor.role,
        org_id: event.orgId ?? null,
        object_type: event.objectType ?? null,
        object_id: event.objectId ?? null,
        ip: ctx.ip,
        user_agent: ctx.userAgent ? ctx.userAgent.slice(0, 300) : null,
        request_id: ctx.requestId,
        detail: JSON.stringify(event.detail ?? {}),
      };
      const hash = crypto.hmacSm3('audit', head.hash + canonical(row));
      await trx
        .insertInto('audit_log')
        .values({ ...row, prev_hash: head.hash, hash })
        .execute();
      await trx
        .updateTable('audit_head')
        .set({ seq: row.seq, hash, mac: crypto.hmacSm3('audit', headText(row.seq, hash)) })
        .where('id', '=', 1)
        .execute();
    },
  };
}
