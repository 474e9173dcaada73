import type { StudyKind } from '@tongxin/contracts';
import type { Db, Trx } from '../../platform/db/connect.js';

/** The UTC span of a Beijing calendar year. */
export function beijingYearSpan(year: number) {
  return {
    from: new Date(`${year}-01-01T00:00:00+08:00`).toISOString(),
    to: new Date(`${year + 1}-01-01T00:00:00+08:00`).toISOString(),
  };
}

export interface AttendedOccasion {
  userId: string;
  eventId: string;
  title: string;
  orgName: string;
  startsAt: string;
  endsAt: string;
  studyKind: StudyKind;
}

/** What these accounts checked in to that year and that counts for study (events with a study kind). */
export async function attendedOccasions(db: Db | Trx, userIds: readonly string[], year: number): Promise<AttendedOccasion[]> {
  if (userIds.length === 0) return [];
  const span = beijingYearSpan(year);
  const rows = await db
    .selectFrom('event_registration as r')
    .innerJoin('event as e', 'e.id', 'r.event_id')
    .innerJoin('org', 'org.id', 'e.org_id')
    .select(['r.user_id', 'e.id', 'e.title', 'org.name', 'e.starts_at', 'e.ends_at', 'e.study_kind'])
    .where('r.user_id', 'in', userIds)
    .where('r.status', '=', 'registered')
    .where('r.checked_in_at', 'is not', null)
    .where('e.study_kind', '!=', 'none')
    .where('e.starts_at', '>=', span.from)
    .where('e.starts_at', '<', span.to)
    .orderBy('e.starts_at')
    .execute();
  return rows.map((r) => ({
    userId: r.user_id as string,
    eventId: r.id,
    title: r.title,
    orgName: r.name,
    startsAt: r.starts_at,
    endsAt: r.ends_at,
    studyKind: r.study_kind,
  }));
}

/**
 * Which of these accounts are branch secretaries or committee members (the 56-hour target): a secretary grant,
 * or a seat on an org's current committee.
 */
export async function leadersAmong(db: Db | Trx, userIds: readonly string[]): Promise<Set<string>> {
  if (userIds.length === 0) return new Set();
  const secretaries = await db
    .selectFrom('role_grant')
    .select('user_id')
    .where('user_id', 'in', userIds)
    .where('role', '=', 'secretary')
    .execute();
  const committee = await db
    .selectFrom('committee_member')
    .innerJoin('org_committee', 'org_committee.id', 'committee_member.committee_id')
    .select('committee_member.user_id')
    .where('committee_member.user_id', 'in', userIds)
    .where('org_committee.superseded_at', 'is', null)
    .execute();
  return new Set([...secretaries.map((r) => r.user_id), ...committee.flatMap((r) => (r.user_id ? [r.user_id] : []))]);
}

/** One page of the members in an org's subtree (not archived), in name order, with the account linked to each. */
export async function membersWithAccounts(db: Db | Trx, orgId: string, page: number, pageSize: number) {
  const base = db
    .selectFrom('member')
    .innerJoin('org_closure as c', 'c.descendant_id', 'member.org_id')
    .where('c.ancestor_id', '=', orgId)
    .where('member.archived_at', 'is', null);
  const total = await base.select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow();
  const rows = await base
    .innerJoin('org', 'org.id', 'member.org_id')
    .leftJoin('app_user', 'app_user.member_id', 'member.id')
    .select(['member.id', 'member.name', 'org.name as org_name', 'app_user.id as user_id'])
    .orderBy('member.name_pinyin')
    .orderBy('member.id')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  return { total: Number(total.n), rows };
}
