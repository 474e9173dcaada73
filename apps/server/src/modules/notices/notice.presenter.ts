import { audienceLabel, type NoticeSummary } from '@tongxin/contracts';
import type { Db, Trx } from '../../platform/db/connect.js';
import type { NoticeTable } from '../../platform/db/types.js';
import { rolesOf, targetsOf } from './notice.repository.js';

export type NoticeRow = NoticeTable & { sender_org_name: string; read_at?: string | null };

/** Summaries for a page of notices: audience labels, attachment counts and (sent box) read counts, batched. */
export async function presentNotices(db: Db | Trx, rows: readonly NoticeRow[], box: 'inbox' | 'sent'): Promise<NoticeSummary[]> {
  const ids = rows.map((r) => r.id);
  const targets = await targetsOf(db, ids);
  const attachments = new Map<string, number>();
  const reads = new Map<string, number>();
  if (ids.length > 0) {
    for (const r of await db
      .selectFrom('attachment')
      .select(['owner_id', (eb) => eb.fn.countAll<number | string>().as('n')])
      .where('owner_kind', '=', 'notice')
      .where('owner_id', 'in', ids)
      .groupBy('owner_id')
      .execute())
      attachments.set(r.owner_id!, Number(r.n));
    if (box === 'sent') {
      for (const r of await db
        .selectFrom('read_receipt')
        .select(['notice_id', (eb) => eb.fn.countAll<number | string>().as('n')])
        .where('notice_id', 'in', ids)
        .groupBy('notice_id')
        .execute())
        reads.set(r.notice_id, Number(r.n));
    }
  }
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    senderOrgId: r.sender_org_id,
    senderOrgName: r.sender_org_name,
    sentAt: r.sent_at,
    sentByName: r.sent_by_name,
    audience: audienceLabel(targets.get(r.id) ?? [], rolesOf(r.roles)),
    attachmentCount: attachments.get(r.id) ?? 0,
    readAt: box === 'inbox' ? (r.read_at ?? null) : null,
    readCount: box === 'sent' ? (reads.get(r.id) ?? 0) : null,
  }));
}
