import type { Db, Trx } from '../../platform/db/connect.js';

/** The member record an account is linked to, with its org. */
export async function linkedMember(db: Db | Trx, userId: string) {
  return db
    .selectFrom('app_user')
    .innerJoin('member', 'member.id', 'app_user.member_id')
    .innerJoin('org', 'org.id', 'member.org_id')
    .select(['member.id', 'member.name', 'member.org_id', 'member.status', 'member.joined_on', 'org.name as org_name'])
    .where('app_user.id', '=', userId)
    .where('member.archived_at', 'is', null)
    .executeTakeFirst();
}

/** The meetings a member was on the list of: the latest first (planned ones included). */
export async function meetingsOf(db: Db | Trx, memberId: string, limit: number) {
  return db
    .selectFrom('meeting_attendee')
    .innerJoin('meeting', 'meeting.id', 'meeting_attendee.meeting_id')
    .select(['meeting.id', 'meeting.kind', 'meeting.status', 'meeting.held_on', 'meeting.topics', 'meeting_attendee.attendance'])
    .where('meeting_attendee.member_id', '=', memberId)
    .where('meeting.status', '!=', 'cancelled')
    .orderBy('meeting.held_on', 'desc')
    .limit(limit)
    .execute();
}

/** The account's registrations for events that have not ended, soonest first. */
export async function upcomingRegistrations(db: Db | Trx, userId: string, now: string) {
  return db
    .selectFrom('event_registration as r')
    .innerJoin('event as e', 'e.id', 'r.event_id')
    .select(['e.id', 'e.title', 'e.starts_at', 'e.place', 'r.status', 'r.queue_position', 'r.checked_in_at'])
    .where('r.user_id', '=', userId)
    .where('r.status', '!=', 'cancelled')
    .where('e.ends_at', '>', now)
    .orderBy('e.starts_at')
    .limit(20)
    .execute();
}

/** The member's entry in the latest appraisal of their org (open or the last closed). */
export async function latestAppraisalEntry(db: Db | Trx, memberId: string) {
  return db
    .selectFrom('appraisal_entry')
    .innerJoin('appraisal', 'appraisal.id', 'appraisal_entry.appraisal_id')
    .select([
      'appraisal.id',
      'appraisal.year',
      'appraisal.status',
      'appraisal_entry.self_assessment',
      'appraisal_entry.mutual_excellent',
      'appraisal_entry.grade',
    ])
    .where('appraisal_entry.member_id', '=', memberId)
    .orderBy('appraisal.year', 'desc')
    .orderBy('appraisal.opened_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function developmentOf(db: Db | Trx, memberId: string) {
  return db
    .selectFrom('development')
    .select(['stage', 'status'])
    .where('member_id', '=', memberId)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function transfersOf(db: Db | Trx, memberId: string) {
  return db
    .selectFrom('transfer')
    .leftJoin('org as from_org', 'from_org.id', 'transfer.from_org_id')
    .leftJoin('org as to_org', 'to_org.id', 'transfer.to_org_id')
    .select([
      'transfer.id',
      'transfer.direction',
      'transfer.status',
      'transfer.issued_on',
      'transfer.valid_until',
      'transfer.external_org_name',
      'from_org.name as from_name',
      'to_org.name as to_name',
    ])
    .where('transfer.member_id', '=', memberId)
    .orderBy('transfer.issued_on', 'desc')
    .limit(10)
    .execute();
}
