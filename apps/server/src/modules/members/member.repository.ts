import { checkMemberFacts, type MemberInput, maskIdNumber, maskPhone, normaliseMobile, toEighteen } from '@tongxin/contracts';
import type { Insertable, Selectable, Updateable } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { CryptoProvider } from '../../platform/crypto/provider.js';
import type { Db, Trx } from '../../platform/db/connect.js';
import type { MemberTable } from '../../platform/db/types.js';
import { AppError } from '../../platform/http/errors.js';
import { pinyinKeys } from '../orgs/pinyin.js';

export type MemberRow = Selectable<MemberTable>;

/** Blind-index purposes: one key, a separate purpose per field, so equal values in two fields do not match. */
export const ID_NUMBER_INDEX = 'member.id_number';
export const PHONE_INDEX = 'member.phone';

/** The blind index of an ID number; a legacy 15-digit number indexes as its 18-digit form (one person, one key). */
export function idNumberIndex(crypto: CryptoProvider, idNumber: string): string {
  return crypto.blindIndex(ID_NUMBER_INDEX, toEighteen(idNumber.trim().toUpperCase()));
}

export function phoneIndex(crypto: CryptoProvider, phone: string): string {
  return crypto.blindIndex(PHONE_INDEX, phone);
}

/** DP-02: what is stored of an ID number and a phone: ciphertext, blind index and the masked form lists show. */
export function sealPersonal(crypto: CryptoProvider, idNumber: string, phone: string | null) {
  const number = idNumber.trim().toUpperCase();
  return {
    id_number_enc: crypto.encrypt(number),
    id_number_index: idNumberIndex(crypto, number),
    id_number_masked: maskIdNumber(number),
    phone_enc: phone ? crypto.encrypt(phone) : null,
    phone_index: phone ? phoneIndex(crypto, phone) : null,
    phone_masked: phone ? maskPhone(phone) : null,
  };
}

/**
 * Checks a record against the rules that span fields and throws one 400 naming every field at fault.
 * Returns the phone in its normal form.
 */
export function assertMemberFacts(input: Omit<MemberInput, 'enterpriseId'>, today: string): { phone: string | null } {
  const issues = checkMemberFacts(input, today);
  if (issues.length) {
    throw new AppError(
      400,
      'validation_failed',
      issues[0]!.message,
      issues.map((i) => ({ path: i.field, message: i.message })),
    );
  }
  return { phone: input.phone ? normaliseMobile(input.phone) : null };
}

/** The plain columns of a record (everything but the org, the sealed fields and the bookkeeping). */
export function memberColumns(input: Omit<MemberInput, 'orgId' | 'idNumber' | 'phone' | 'enterpriseId'>) {
  const keys = pinyinKeys(input.name);
  return {
    name: input.name,
    name_pinyin: keys.full,
    name_initials: keys.initials,
    gender: input.gender,
    ethnicity: input.ethnicity,
    birth_date: input.birthDate,
    education: input.education,
    employer_name: input.employerName,
    position: input.position,
    joined_on: input.joinedOn,
    full_on: input.fullOn,
    status: input.status,
    mobility: input.mobility,
    talent_industry_leader: input.talents.industryLeader ? 1 : 0,
    talent_founder: input.talents.founder ? 1 : 0,
    talent_key_dept_head: input.talents.keyDeptHead ? 1 : 0,
    remarks: input.remarks,
  };
}

export async function findMember(db: Db | Trx, id: string): Promise<MemberRow | undefined> {
  return db.selectFrom('member').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The active record holding this ID number, with its org, or undefined. */
export async function findActiveByIdNumber(db: Db | Trx, index: string, exceptId?: string) {
  return db
    .selectFrom('member')
    .innerJoin('org', 'org.id', 'member.org_id')
    .select(['member.id', 'member.name', 'member.org_id', 'org.name as org_name'])
    .where('member.id_number_index', '=', index)
    .where('member.archived_at', 'is', null)
    .$if(exceptId !== undefined, (q) => q.where('member.id', '!=', exceptId!))
    .executeTakeFirst();
}

export interface MemberChange {
  field: string;
  before: string | null;
  after: string | null;
}

export async function addMemberHistory(
  trx: Trx,
  entry: {
    memberId: string;
    at: string;
    actor: { id: string | null; name: string | null };
    action: string;
    reason?: string | null;
    changes?: MemberChange[];
  },
): Promise<void> {
  await trx
    .insertInto('member_history')
    .values({
      id: uuidv7(),
      member_id: entry.memberId,
      at: entry.at,
      actor_id: entry.actor.id,
      actor_name: entry.actor.name,
      action: entry.action,
      reason: entry.reason ?? null,
      changes: JSON.stringify(entry.changes ?? []),
    })
    .execute();
}

/** Reads the ID facts of a stored record (for checks that need the real number, never for display). */
export function storedIdNumber(crypto: CryptoProvider, row: Pick<MemberRow, 'id_number_enc'>): string | null {
  return row.id_number_enc ? crypto.decrypt(row.id_number_enc) : null;
}

/** A new member record (the caller has checked it and sealed its personal fields). */
export type NewMember = Omit<Insertable<MemberTable>, 'version'>;

export async function insertMember(trx: Trx, values: NewMember): Promise<void> {
  await trx.insertInto('member').values(values).execute();
}

/** Moves a member to another org (a transfer within the city), as a new version of the record. */
export async function moveMemberToOrg(trx: Trx, id: string, orgId: string, at: string): Promise<void> {
  await trx
    .updateTable('member')
    .set((eb) => ({ org_id: orgId, updated_at: at, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .execute();
}

/** Active full members of one org, in name order (the demo picks whom to transfer from these). */
export async function listActiveFullMembers(db: Db | Trx, orgId: string, limit: number) {
  return db
    .selectFrom('member')
    .select(['id', 'name', 'org_id', 'id_number_masked'])
    .where('org_id', '=', orgId)
    .where('archived_at', 'is', null)
    .where('status', '=', 'full')
    .orderBy('name_pinyin')
    .orderBy('id')
    .limit(limit)
    .execute();
}

/** The org a member belongs to (for the permission check before anything else is read). */
export async function findMemberOrgId(db: Db | Trx, id: string): Promise<string | undefined> {
  const row = await db.selectFrom('member').select('org_id').where('id', '=', id).executeTakeFirst();
  return row?.org_id;
}

/** A member's record with its org's name. */
export async function findMemberWithOrg(db: Db | Trx, id: string): Promise<(MemberRow & { org_name: string }) | undefined> {
  return db
    .selectFrom('member')
    .innerJoin('org', 'org.id', 'member.org_id')
    .selectAll('member')
    .select('org.name as org_name')
    .where('member.id', '=', id)
    .executeTakeFirst();
}

/** The member record linked to an account (AZ-05: one's own record), with its org's name. */
export async function findMemberOfAccount(db: Db | Trx, userId: string): Promise<(MemberRow & { org_name: string }) | undefined> {
  return db
    .selectFrom('app_user')
    .innerJoin('member', 'member.id', 'app_user.member_id')
    .innerJoin('org', 'org.id', 'member.org_id')
    .selectAll('member')
    .select('org.name as org_name')
    .where('app_user.id', '=', userId)
    .executeTakeFirst();
}

/** The sealed personal fields of a record (for the audited reveal only). */
export async function findSealedPersonal(trx: Trx, id: string) {
  return trx.selectFrom('member').select(['org_id', 'id_number_enc', 'phone_enc']).where('id', '=', id).executeTakeFirstOrThrow();
}

/** A member's timeline, newest first, the changes parsed. */
export async function findMemberHistory(db: Db | Trx, memberId: string) {
  const rows = await db
    .selectFrom('member_history')
    .selectAll()
    .where('member_id', '=', memberId)
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    action: r.action,
    actorName: r.actor_name,
    reason: r.reason,
    changes: JSON.parse(r.changes) as MemberChange[],
  }));
}

/** Writes a new version of a record if it is still at `version`; false when another edit came first. */
export async function updateMemberAtVersion(
  trx: Trx,
  id: string,
  version: number,
  set: Omit<Updateable<MemberTable>, 'id' | 'version'>,
): Promise<boolean> {
  const updated = await trx
    .updateTable('member')
    .set({ ...set, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) === 1;
}

/** Archives a record that is still active; false when it was archived already (two archives racing). */
export async function archiveMemberRow(trx: Trx, id: string, at: string, reason: MemberRow['archive_reason']): Promise<boolean> {
  const archived = await trx
    .updateTable('member')
    .set((eb) => ({ archived_at: at, archive_reason: reason, updated_at: at, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('archived_at', 'is', null)
    .executeTakeFirst();
  return Number(archived.numUpdatedRows) === 1;
}

/** Duplicate-check hits outside the user's scope since `since`, counted from the audit log. */
export async function countDuplicateProbes(db: Db | Trx, userId: string, since: string): Promise<number> {
  const { n } = await db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('type', '=', 'member.duplicate_probe')
    .where('actor_id', '=', userId)
    .where('at', '>=', since)
    .executeTakeFirstOrThrow();
  return Number(n);
}

/** Every active member, by id (the demo's dues and the like walk them all). */
export async function listActiveMembers(db: Db | Trx) {
  return db
    .selectFrom('member')
    .select(['id', 'name', 'org_id', 'joined_on'])
    .where('archived_at', 'is', null)
    .orderBy('id')
    .execute();
}

/** Inserts many new records, in slices (SQLite caps bound parameters per statement). */
export async function insertMembers(trx: Trx, rows: NewMember[], chunk = 100): Promise<void> {
  for (let i = 0; i < rows.length; i += chunk)
    await trx
      .insertInto('member')
      .values(rows.slice(i, i + chunk))
      .execute();
}
