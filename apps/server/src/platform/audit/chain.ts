import type { AuditLogTable } from '../db/types.js';

/** The text the chain's HMAC covers: every column but the hashes, in a fixed order. */
export function canonical(row: Omit<AuditLogTable, 'prev_hash' | 'hash'>): string {
  return JSON.stringify([
    Number(row.seq),
    row.id,
    row.at,
    row.type,
    row.result,
    row.actor_id,
    row.actor_name,
    row.actor_role,
    row.org_id,
    row.object_type,
    row.object_id,
    row.ip,
    row.user_agent,
    row.request_id,
    row.detail,
  ]);
}

export const GENESIS_HASH = '0'.repeat(64);

/** The text the head's MAC covers. */
export function headText(seq: number, hash: string): string {
  return `head\u0000${seq}\u0000${hash}`;
}
