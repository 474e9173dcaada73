import type { auditQuery } from '@tongxin/contracts';
import type { z } from 'zod';
import type { Trx } from '../../platform/db/connect.js';
import { like } from '../../platform/db/helpers.js';

/** One row of the audit log as the domain sees it: the sequence as a number, the detail parsed. */
export interface AuditEntry {
  seq: number;
  at: string;
  type: string;
  result: 'success' | 'denied' | 'failed';
  actorId: string | null;
  actorName: string | null;
  actorRole: string | null;
  orgId: string | null;
  objectType: string | null;
  objectId: string | null;
  ip: string | null;
  requestId: string | null;
  detail: unknown;
}

export interface AuditFilter {
  type?: string | undefined;
  actor?: string | undefined;
  result?: z.infer<typeof auditQuery>['result'];
  /** UTC ISO bounds, inclusive. */
  from: string | null;
  to: string | null;
}

function filtered(trx: Trx, f: AuditFilter) {
  return trx
    .selectFrom('audit_log')
    .$if(!!f.type, (b) => b.where(like('type', f.type!, 'prefix')))
    .$if(!!f.actor, (b) => b.where('actor_name', '=', f.actor!))
    .$if(!!f.result, (b) => b.where('result', '=', f.result!))
    .$if(f.from !== null, (b) => b.where('at', '>=', f.from!))
    .$if(f.to !== null, (b) => b.where('at', '<=', f.to!));
}

/** A page of the log, newest first, and the total matching the filter. */
export async function findAuditPage(
  trx: Trx,
  f: AuditFilter,
  page: { limit: number; offset: number },
): Promise<{ total: number; items: AuditEntry[] }> {
  const [rows, total] = await Promise.all([
    filtered(trx, f).selectAll().orderBy('seq', 'desc').limit(page.limit).offset(page.offset).execute(),
    filtered(trx, f)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return {
    total: Number(total.n),
    items: rows.map((r) => ({
      seq: Number(r.seq),
      at: r.at,
      type: r.type,
      result: r.result as AuditEntry['result'],
      actorId: r.actor_id,
      actorName: r.actor_name,
      actorRole: r.actor_role,
      orgId: r.org_id,
      objectType: r.object_type,
      objectId: r.object_id,
      ip: r.ip,
      requestId: r.request_id,
      detail: JSON.parse(r.detail) as unknown,
    })),
  };
}
