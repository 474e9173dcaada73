import type { MeetingSummary } from '@tongxin/contracts';
import type { Db, Trx } from '../../platform/db/connect.js';
import type { MeetingTable } from '../../platform/db/types.js';

type Row = Pick<
  MeetingTable,
  'id' | 'org_id' | 'kind' | 'status' | 'starts_at' | 'held_on' | 'place' | 'host' | 'topics' | 'makes_up_period'
> & { org_name: string };

export const SUMMARY_COLUMNS = [
  'meeting.id',
  'meeting.org_id',
  'meeting.kind',
  'meeting.status',
  'meeting.starts_at',
  'meeting.held_on',
  'meeting.place',
  'meeting.host',
  'meeting.topics',
  'meeting.makes_up_period',
  'org.name as org_name',
] as const;

/** Attendance counts and photo counts for a page of meetings: two grouped queries. */
export async function countsFor(db: Db | Trx, ids: string[]) {
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

export function presentSummary(r: Row, counts: Awaited<ReturnType<typeof countsFor>>): MeetingSummary {
  return {
    id: r.id,
    org: { id: r.org_id, name: r.org_name },
    kind: r.kind,
    status: r.status,
    startsAt: r.starts_at,
    heldOn: r.held_on,
    place: r.place,
    host: r.host,
    topics: r.topics,
    makesUpPeriod: r.makes_up_period,
    counts: counts.attendance.get(r.id) ?? { expected: 0, present: 0, onLeave: 0 },
    photos: counts.photos.get(r.id) ?? 0,
  };
}
