import type { ParticipantCategory } from '@tongxin/contracts';
import { type Expression, type SqlBool, sql } from 'kysely';
import type { Access } from '../../access/access.js';
import type { Db, Trx } from '../../platform/db/connect.js';

export async function findEvent(db: Db | Trx, id: string) {
  return db
    .selectFrom('event')
    .innerJoin('org', 'org.id', 'event.org_id')
    .selectAll('event')
    .select('org.name as org_name')
    .where('event.id', '=', id)
    .executeTakeFirst();
}
export type EventRow = NonNullable<Awaited<ReturnType<typeof findEvent>>>;

/**
 * Takes the event's row lock (PostgreSQL: a no-op UPDATE; SQLite runs one transaction at a time anyway), so
 * everything that counts seats or moves the waiting list for this event runs one after the other.
 */
export async function lockEvent(trx: Trx, id: string): Promise<boolean> {
  const r = await trx.updateTable('event').set({ seats_taken: sql`seats_taken` }).where('id', '=', id).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** The orgs of the user's business grants: an event invited to one of their ancestors reaches them. */
const grantOrgs = (access: Access) => [...new Set(access.grants.flatMap((g) => (g.orgId ? [g.orgId] : [])))];

/** The event in `eventColumn` was invited to an org at or above one of the user's grant orgs. */
export function invitedCondition(access: Access, eventColumn: string): Expression<SqlBool> {
  const orgs = grantOrgs(access);
  if (orgs.length === 0) return sql<SqlBool>`1 = 0`;
  return sql<SqlBool>`exists (select 1 from event_invite as ei inner join org_closure as ic on ic.ancestor_id = ei.org_id
    where ei.event_id = ${sql.ref(eventColumn)} and ic.descendant_id in (${sql.join(orgs)}))`;
}

export async function isInvited(db: Db | Trx, access: Access, eventId: string): Promise<boolean> {
  const row = await db
    .selectFrom('event')
    .select('id')
    .where('id', '=', eventId)
    .where(invitedCondition(access, 'event.id'))
    .executeTakeFirst();
  return row !== undefined;
}

export async function invitesOf(db: Db | Trx, eventId: string) {
  return db
    .selectFrom('event_invite')
    .innerJoin('org', 'org.id', 'event_invite.org_id')
    .select(['org.id as orgId', 'org.name as orgName'])
    .where('event_invite.event_id', '=', eventId)
    .orderBy('org.name_pinyin')
    .execute();
}

export async function registrationOfUser(db: Db | Trx, eventId: string, userId: string) {
  return db
    .selectFrom('event_registration')
    .selectAll()
    .where('event_id', '=', eventId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

export async function findRegistration(db: Db | Trx, eventId: string, registrationId: string) {
  return db
    .selectFrom('event_registration')
    .selectAll()
    .where('event_id', '=', eventId)
    .where('id', '=', registrationId)
    .executeTakeFirst();
}
export type RegistrationRow = NonNullable<Awaited<ReturnType<typeof findRegistration>>>;

/** Every registration of the event, in waiting-list then sign-up order (the organiser's view). */
export async function registrationsOf(db: Db | Trx, eventId: string) {
  return db
    .selectFrom('event_registration')
    .selectAll()
    .where('event_id', '=', eventId)
    .orderBy('registered_at')
    .orderBy('id')
    .execute();
}

export async function waitingCount(db: Db | Trx, eventId: string): Promise<number> {
  const r = await db
    .selectFrom('event_registration')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('event_id', '=', eventId)
    .where('status', '=', 'waiting')
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/**
 * Puts a registration (new or taken up again) on a seat or on the waiting list. Runs under lockEvent: the
 * seat count read here is the current one.
 */
export async function placeRegistration(trx: Trx, eventId: string) {
  const event = await trx
    .selectFrom('event')
    .select(['capacity', 'seats_taken', 'queue_last'])
    .where('id', '=', eventId)
    .executeTakeFirstOrThrow();
  if (event.capacity === null || event.seats_taken < event.capacity) {
    await trx
      .updateTable('event')
      .set({ seats_taken: event.seats_taken + 1 })
      .where('id', '=', eventId)
      .execute();
    return { status: 'registered' as const, queuePosition: null };
  }
  await trx
    .updateTable('event')
    .set({ queue_last: event.queue_last + 1 })
    .where('id', '=', eventId)
    .execute();
  return { status: 'waiting' as const, queuePosition: event.queue_last + 1 };
}

export async function insertRegistration(
  trx: Trx,
  row: {
    id: string;
    eventId: string;
    userId: string | null;
    name: string;
    unit: string;
    category: ParticipantCategory;
    status: 'registered' | 'waiting';
    queuePosition: number | null;
    now: string;
  },
) {
  await trx
    .insertInto('event_registration')
    .values({
      id: row.id,
      event_id: row.eventId,
      user_id: row.userId,
      name: row.name,
      unit: row.unit,
      category: row.category,
      status: row.status,
      queue_position: row.queuePosition,
      registered_at: row.now,
      checked_in_at: null,
      checked_in_by: null,
      checkin_method: null,
      checkin_nonce: null,
    })
    .execute();
}

/** A seat came free: the first on the waiting list (lowest number) takes it. Runs under lockEvent. */
export async function promoteFirstWaiting(trx: Trx, eventId: string) {
  const next = await trx
    .selectFrom('event_registration')
    .select(['id', 'name'])
    .where('event_id', '=', eventId)
    .where('status', '=', 'waiting')
    .orderBy('queue_position')
    .limit(1)
    .executeTakeFirst();
  if (!next) {
    await trx.updateTable('event').set({ seats_taken: sql`seats_taken - 1` }).where('id', '=', eventId).execute();
    return null;
  }
  await trx
    .updateTable('event_registration')
    .set({ status: 'registered', queue_position: null })
    .where('id', '=', next.id)
    .execute();
  return next;
}
