import type { ServiceEvent, ServiceStatus } from '@tongxin/contracts';
import type { Selectable, Updateable } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { Db, Trx } from '../../platform/db/connect.js';
import type { ServiceRequestTable } from '../../platform/db/types.js';
import { conflict } from '../../platform/http/errors.js';

export type ServiceRequestRow = Selectable<ServiceRequestTable>;

/** The numbers as numbers on both engines (PostgreSQL's drivers may hand some back as text). */
export const toServiceRequest = (r: ServiceRequestRow): ServiceRequestRow => ({
  ...r,
  rating: r.rating === null ? null : Number(r.rating),
  reopen_count: Number(r.reopen_count),
  version: Number(r.version),
});

export async function findServiceRequest(db: Db | Trx, id: string): Promise<ServiceRequestRow | undefined> {
  const row = await db.selectFrom('service_request').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toServiceRequest(row);
}

type RequestState = 'reopen_count' | 'answered_at' | 'closed_at' | 'rating' | 'rating_comment';

/** A new request; the demo also writes requests already some way down the state machine. */
export async function insertServiceRequest(
  trx: Trx,
  r: Omit<ServiceRequestRow, 'version' | RequestState> & Partial<Pick<ServiceRequestRow, RequestState>>,
): Promise<void> {
  await trx
    .insertInto('service_request')
    .values({ answered_at: null, closed_at: null, rating: null, rating_comment: null, ...r })
    .execute();
}

/** A request's thread, oldest first. */
export async function threadOf(db: Db | Trx, requestId: string) {
  const rows = await db
    .selectFrom('service_request_event')
    .selectAll()
    .where('request_id', '=', requestId)
    .orderBy('at')
    .orderBy('id')
    .execute();
  return rows.map((e) => ({ ...e, rating: e.rating === null ? null : Number(e.rating) }));
}

/** The request a thread entry belongs to. */
export async function requestOfEntry(db: Db | Trx, entryId: string): Promise<string | null> {
  const entry = await db.selectFrom('service_request_event').select('request_id').where('id', '=', entryId).executeTakeFirst();
  return entry?.request_id ?? null;
}

/** What raising a request needs of its enterprise. */
export async function enterpriseForRequest(db: Db | Trx, id: string) {
  return db
    .selectFrom('enterprise')
    .select(['id', 'name', 'area_org_id', 'covering_org_id', 'archived_at', 'operating_status'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export interface NewServiceEvent {
  requestId: string;
  at: string;
  kind: ServiceEvent;
  side: 'requester' | 'handler';
  actor: { id: string; name: string };
  body?: string | null;
  assignee?: { id: string; name: string } | null;
  rating?: number | null;
}

/** Appends one entry to the request's thread; returns its id (attachments hang from it). */
export async function addServiceEvent(trx: Trx, e: NewServiceEvent): Promise<string> {
  const id = uuidv7();
  await trx
    .insertInto('service_request_event')
    .values({
      id,
      request_id: e.requestId,
      at: e.at,
      kind: e.kind,
      side: e.side,
      actor_id: e.actor.id,
      actor_name: e.actor.name,
      body: e.body ?? null,
      assignee_id: e.assignee?.id ?? null,
      assignee_name: e.assignee?.name ?? null,
      rating: e.rating ?? null,
    })
    .execute();
  return id;
}

/**
 * Moves a request on. The update names the status and version it read, so of two people acting at once only
 * one finds the row as they saw it; the other is told to refresh.
 */
export async function updateServiceRequest(
  trx: Trx,
  r: ServiceRequestRow,
  set: Omit<Updateable<ServiceRequestTable>, 'id' | 'version'> & { status?: ServiceStatus },
): Promise<void> {
  const result = await trx
    .updateTable('service_request')
    .set((eb) => ({ ...set, version: eb('version', '+', 1) }))
    .where('id', '=', r.id)
    .where('status', '=', r.status)
    .where('version', '=', r.version)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) throw conflict('该诉求刚刚已由他人办理，请刷新后查看');
}

/** The enterprises this account acts for as their contact (企业联络员). */
export function contactEnterpriseIds(db: Db | Trx, userId: string) {
  return db
    .selectFrom('enterprise_contact')
    .select('enterprise_contact.enterprise_id')
    .where('enterprise_contact.user_id', '=', userId);
}

export async function isContactOf(db: Db | Trx, userId: string, enterpriseId: string): Promise<boolean> {
  const hit = await db
    .selectFrom('enterprise_contact')
    .select('user_id')
    .where('user_id', '=', userId)
    .where('enterprise_id', '=', enterpriseId)
    .executeTakeFirst();
  return hit !== undefined;
}
