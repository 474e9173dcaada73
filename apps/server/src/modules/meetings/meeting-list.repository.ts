import type { MeetingKind, MeetingStatus } from '@tongxin/contracts';
import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { Db, Trx } from '../../platform/db/connect.js';
import type { DB } from '../../platform/db/types.js';
import { type MeetingWithOrg, toMeeting } from './meeting.repository.js';

export interface MeetingListFilter {
  orgId: string;
  kind?: MeetingKind | undefined;
  status?: MeetingStatus | undefined;
  from?: string | undefined;
  to?: string | undefined;
  /** The caller's scope over `meeting.org_id` (AZ-03). */
  scope: Expression<SqlBool>;
}

/** One page of meetings of an org's subtree through the caller's scope, newest first, and the total. */
export async function listMeetingPage(
  db: Db | Trx,
  f: MeetingListFilter,
  page: { limit: number; offset: number },
): Promise<{ items: MeetingWithOrg[]; total: number }> {
  const where = (eb: ExpressionBuilder<DB, 'meeting' | 'org'>): Expression<SqlBool> => {
    const all: Expression<SqlBool>[] = [
      eb.exists(
        eb
          .selectFrom('org_closure')
          .select('org_closure.depth')
          .where('org_closure.ancestor_id', '=', f.orgId)
          .whereRef('org_closure.descendant_id', '=', 'meeting.org_id'),
      ),
      f.scope,
    ];
    if (f.kind) all.push(eb('meeting.kind', '=', f.kind));
    if (f.status) all.push(eb('meeting.status', '=', f.status));
    if (f.from) all.push(eb('meeting.held_on', '>=', f.from));
    if (f.to) all.push(eb('meeting.held_on', '<=', f.to));
    return eb.and(all);
  };
  const rows = await db
    .selectFrom('meeting')
    .innerJoin('org', 'org.id', 'meeting.org_id')
    .selectAll('meeting')
    .select('org.name as org_name')
    .where(where)
    .orderBy('meeting.starts_at', 'desc')
    .orderBy('meeting.id')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  const counted = await db
    .selectFrom('meeting')
    .innerJoin('org', 'org.id', 'meeting.org_id')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where(where)
    .executeTakeFirstOrThrow();
  return { items: rows.map((r) => ({ ...toMeeting(r), orgName: r.org_name })), total: Number(counted.n) };
}

export interface MeetingCounts {
  attendance: Map<string, { expected: number; present: number; onLeave: number }>;
  photos: Map<string, number>;
}

/** Attendance counts and photo counts for a page of meetings: two grouped queries. */
export async function loadMeetingCounts(db: Db | Trx, ids: string[]): Promise<MeetingCounts> {
  const attendance = new Map<string, { expected: number; present: number; onLeave: number }>();
  const photos = new Map<string, number>();
  if (ids.length === 0) return { attendance, photos };
  const rows = await db
    .selectFrom('meeting_attendee')
    .select(['meeting_id', 'attendance', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('meeting_id', 'in', ids)
    .groupBy(['meeting_id', 'attendance'])
    .execute();
  for (const r of rows) {
    const c = attendance.get(r.meeting_id) ?? { expected: 0, present: 0, onLeave: 0 };
    c.expected += Number(r.n);
    if (r.attendance === 'present') c.present += Number(r.n);
    if (r.attendance === 'on_leave') c.onLeave += Number(r.n);
    attendance.set(r.meeting_id, c);
  }
  const pics = await db
    .selectFrom('attachment')
    .select(['owner_id', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('owner_kind', '=', 'meeting')
    .where('owner_id', 'in', ids)
    .where('media_type', 'like', 'image/%')
    .groupBy('owner_id')
    .execute();
  for (const p of pics) photos.set(p.owner_id!, Number(p.n));
  return { attendance, photos };
}
