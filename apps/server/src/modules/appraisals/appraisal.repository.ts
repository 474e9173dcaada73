import type { AppraisalGrade } from '@tongxin/contracts';
import { v7 as uuidv7 } from 'uuid';
import type { Access } from '../../access/access.js';
import type { Db, Trx } from '../../platform/db/connect.js';
import type { AppraisalEntryTable, AppraisalTable } from '../../platform/db/types.js';

export const actorOf = (access: Access) => ({ id: access.user!.id, name: access.user!.displayName });

/** The org kinds that hold an appraisal: a branch appraises its own members and those of its party groups. */
export const APPRAISING_KINDS = ['branch', 'joint_branch', 'general_branch'] as const;

/** A branch's appraisal for a year, with its org's name. */
export interface Appraisal {
  id: string;
  orgId: string;
  orgName: string;
  year: number;
  status: 'open' | 'closed';
  openedAt: string;
  openedBy: string | null;
  openedByName: string | null;
  closedAt: string | null;
  closedBy: string | null;
  closedByName: string | null;
}

/** The mutual assessment's tally of votes for one member. */
export interface MutualTally {
  excellent: number;
  qualified: number;
  basicallyQualified: number;
  unqualified: number;
}

/** One member taking part, with the status they held when it opened. */
export interface AppraisalEntryRecord {
  id: string;
  appraisalId: string;
  memberId: string;
  memberName: string;
  memberStatus: 'full' | 'probationary';
  selfAssessment: string | null;
  /** Null until the votes are tallied. */
  mutual: MutualTally | null;
  committeeOpinion: string | null;
  grade: AppraisalGrade | null;
  version: number;
  updatedAt: string | null;
  updatedByName: string | null;
}

export const toAppraisal = (r: AppraisalTable & { org_name: string }): Appraisal => ({
  id: r.id,
  orgId: r.org_id,
  orgName: r.org_name,
  year: Number(r.year),
  status: r.status,
  openedAt: r.opened_at,
  openedBy: r.opened_by,
  openedByName: r.opened_by_name,
  closedAt: r.closed_at,
  closedBy: r.closed_by,
  closedByName: r.closed_by_name,
});

const toEntry = (e: AppraisalEntryTable): AppraisalEntryRecord => ({
  id: e.id,
  appraisalId: e.appraisal_id,
  memberId: e.member_id,
  memberName: e.member_name,
  memberStatus: e.member_status,
  selfAssessment: e.self_assessment,
  mutual:
    e.mutual_excellent !== null
      ? {
          excellent: e.mutual_excellent ?? 0,
          qualified: e.mutual_qualified ?? 0,
          basicallyQualified: e.mutual_basically_qualified ?? 0,
          unqualified: e.mutual_unqualified ?? 0,
        }
      : null,
  committeeOpinion: e.committee_opinion,
  grade: e.grade,
  version: e.version,
  updatedAt: e.updated_at,
  updatedByName: e.updated_by_name,
});

const entryRow = (e: AppraisalEntryRecord): AppraisalEntryTable => ({
  id: e.id,
  appraisal_id: e.appraisalId,
  member_id: e.memberId,
  member_name: e.memberName,
  member_status: e.memberStatus,
  self_assessment: e.selfAssessment,
  mutual_excellent: e.mutual?.excellent ?? null,
  mutual_qualified: e.mutual?.qualified ?? null,
  mutual_basically_qualified: e.mutual?.basicallyQualified ?? null,
  mutual_unqualified: e.mutual?.unqualified ?? null,
  committee_opinion: e.committeeOpinion,
  grade: e.grade,
  version: e.version,
  updated_at: e.updatedAt,
  updated_by_name: e.updatedByName,
});

/** A member's entry before anything is recorded. */
export const newEntry = (
  appraisalId: string,
  m: { id: string; name: string; status: 'full' | 'probationary' },
): AppraisalEntryRecord => ({
  id: uuidv7(),
  appraisalId,
  memberId: m.id,
  memberName: m.name,
  memberStatus: m.status,
  selfAssessment: null,
  mutual: null,
  committeeOpinion: null,
  grade: null,
  version: 1,
  updatedAt: null,
  updatedByName: null,
});

export async function findAppraisal(db: Db | Trx, id: string): Promise<Appraisal | undefined> {
  const row = await db
    .selectFrom('appraisal')
    .innerJoin('org', 'org.id', 'appraisal.org_id')
    .selectAll('appraisal')
    .select('org.name as org_name')
    .where('appraisal.id', '=', id)
    .executeTakeFirst();
  return row && toAppraisal(row);
}

/** An appraisal's status as stored now (read again under its lock). */
export async function appraisalStatus(db: Db | Trx, id: string): Promise<'open' | 'closed' | undefined> {
  const row = await db.selectFrom('appraisal').select('status').where('id', '=', id).executeTakeFirst();
  return row?.status;
}

/** The appraisal of an org for a year, if one was opened. */
export async function findAppraisalOf(db: Db | Trx, orgId: string, year: number): Promise<string | undefined> {
  const row = await db
    .selectFrom('appraisal')
    .select('id')
    .where('org_id', '=', orgId)
    .where('year', '=', year)
    .executeTakeFirst();
  return row?.id;
}

/** The entries of an appraisal: full members first, then by pinyin. */
export async function loadEntries(db: Db | Trx, appraisalId: string): Promise<AppraisalEntryRecord[]> {
  const rows = await db
    .selectFrom('appraisal_entry')
    .innerJoin('member', 'member.id', 'appraisal_entry.member_id')
    .selectAll('appraisal_entry')
    .where('appraisal_entry.appraisal_id', '=', appraisalId)
    .orderBy('appraisal_entry.member_status')
    .orderBy('member.name_pinyin')
    .orderBy('appraisal_entry.id')
    .execute();
  return rows.map(toEntry);
}

export async function findEntry(db: Db | Trx, appraisalId: string, entryId: string): Promise<AppraisalEntryRecord | undefined> {
  const row = await db
    .selectFrom('appraisal_entry')
    .selectAll()
    .where('id', '=', entryId)
    .where('appraisal_id', '=', appraisalId)
    .executeTakeFirst();
  return row && toEntry(row);
}

/** The entries with where their member is now (to bring the participants up to date with the ledger). */
export async function entriesWithMembers(
  db: Db | Trx,
  appraisalId: string,
): Promise<(AppraisalEntryRecord & { memberOrgId: string; memberArchived: boolean })[]> {
  const rows = await db
    .selectFrom('appraisal_entry')
    .innerJoin('member', 'member.id', 'appraisal_entry.member_id')
    .selectAll('appraisal_entry')
    .select(['member.org_id as member_org_id', 'member.archived_at as member_archived_at'])
    .where('appraisal_entry.appraisal_id', '=', appraisalId)
    .execute();
  return rows.map(({ member_org_id, member_archived_at, ...e }) => ({
    ...toEntry(e),
    memberOrgId: member_org_id,
    memberArchived: member_archived_at !== null,
  }));
}

/** The active members kept on an org (by pinyin): who takes part in its appraisal. */
export async function activeMembersOf(
  db: Db | Trx,
  orgId: string,
): Promise<{ id: string; name: string; status: 'full' | 'probationary' }[]> {
  return db
    .selectFrom('member')
    .select(['id', 'name', 'status'])
    .where('org_id', '=', orgId)
    .where('archived_at', 'is', null)
    .orderBy('name_pinyin')
    .execute();
}

export async function insertAppraisal(trx: Trx, a: Omit<Appraisal, 'orgName'>): Promise<void> {
  await trx
    .insertInto('appraisal')
    .values({
      id: a.id,
      org_id: a.orgId,
      year: a.year,
      status: a.status,
      opened_at: a.openedAt,
      opened_by: a.openedBy,
      opened_by_name: a.openedByName,
      closed_at: a.closedAt,
      closed_by: a.closedBy,
      closed_by_name: a.closedByName,
    })
    .execute();
}

export async function insertEntries(trx: Trx, entries: readonly AppraisalEntryRecord[]): Promise<void> {
  for (let i = 0; i < entries.length; i += 200) {
    await trx
      .insertInto('appraisal_entry')
      .values(entries.slice(i, i + 200).map(entryRow))
      .execute();
  }
}

export async function deleteEntries(trx: Trx, ids: readonly string[]): Promise<void> {
  if (ids.length > 0) await trx.deleteFrom('appraisal_entry').where('id', 'in', ids).execute();
}

/** Writes an entry's assessments if it is still at `version`; the entry as saved, or undefined when it moved on. */
export async function saveEntry(
  trx: Trx,
  entry: AppraisalEntryRecord,
  version: number,
): Promise<AppraisalEntryRecord | undefined> {
  const { id: _id, appraisal_id: _a, member_id: _m, member_name: _n, member_status: _s, ...set } = entryRow(entry);
  const row = await trx
    .updateTable('appraisal_entry')
    .set(set)
    .where('id', '=', entry.id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
  return row && toEntry(row);
}

/** Closes an open appraisal; false when it was no longer open. */
export async function markClosed(trx: Trx, id: string, by: { id: string; name: string }, at: string): Promise<boolean> {
  const closed = await trx
    .updateTable('appraisal')
    .set({ status: 'closed', closed_at: at, closed_by: by.id, closed_by_name: by.name })
    .where('id', '=', id)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return Number(closed.numUpdatedRows) === 1;
}

/** How many take part in an appraisal. */
export async function participantCount(db: Db | Trx, appraisalId: string): Promise<number> {
  const row = await db
    .selectFrom('appraisal_entry')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('appraisal_id', '=', appraisalId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The full members taking part and how many of them are graded 优秀. */
export async function excellentCount(db: Db | Trx, appraisalId: string): Promise<{ full: number; excellent: number }> {
  const row = await db
    .selectFrom('appraisal_entry')
    .select((eb) => [
      eb.fn.countAll<number | string>().as('full'),
      eb.fn.sum<number | string>(eb.case().when('grade', '=', 'excellent').then(1).else(0).end()).as('excellent'),
    ])
    .where('appraisal_id', '=', appraisalId)
    .where('member_status', '=', 'full')
    .executeTakeFirstOrThrow();
  return { full: Number(row.full), excellent: Number(row.excellent ?? 0) };
}
