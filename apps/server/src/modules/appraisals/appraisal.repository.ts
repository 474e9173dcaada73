import { type AppraisalEntry, type AppraisalSummary, appraisalRulesFor, maxExcellent } from '@tongxin/contracts';
import type { Access } from '../../access/access.js';
import type { Db, Trx } from '../../platform/db/connect.js';
import type { AppraisalEntryTable, AppraisalTable } from '../../platform/db/types.js';
import { notFound } from '../../platform/http/errors.js';

export const actorOf = (access: Access) => ({ id: access.user!.id, name: access.user!.displayName });

/** The org kinds that hold an appraisal: a branch appraises its own members and those of its party groups. */
export const APPRAISING_KINDS = ['branch', 'joint_branch', 'general_branch'] as const;

export type AppraisalRow = AppraisalTable & { org_name: string };

/** One appraisal with its org's name, authorized for appraisal.manage (404 when invisible, 403 when not allowed). */
export async function loadAppraisal(db: Db | Trx, access: Access, id: string): Promise<AppraisalRow> {
  const row = await db
    .selectFrom('appraisal')
    .innerJoin('org', 'org.id', 'appraisal.org_id')
    .selectAll('appraisal')
    .select('org.name as org_name')
    .where('appraisal.id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('民主评议');
  await access.authorize('appraisal.manage', row.org_id, '民主评议');
  return row;
}

export async function loadEntries(db: Db | Trx, appraisalId: string) {
  return db
    .selectFrom('appraisal_entry')
    .innerJoin('member', 'member.id', 'appraisal_entry.member_id')
    .selectAll('appraisal_entry')
    .where('appraisal_entry.appraisal_id', '=', appraisalId)
    .orderBy('appraisal_entry.member_status')
    .orderBy('member.name_pinyin')
    .orderBy('appraisal_entry.id')
    .execute();
}

/** The counts a summary shows, for many appraisals at once (one grouped query). */
export async function countsOf(db: Db | Trx, rows: readonly Pick<AppraisalRow, 'id' | 'year'>[]) {
  const ids = rows.map((r) => r.id);
  const found = ids.length
    ? await db
        .selectFrom('appraisal_entry')
        .select((eb) => [
          'appraisal_id',
          eb.fn.countAll<number | string>().as('participants'),
          eb.fn.sum<number | string>(eb.case().when('member_status', '=', 'full').then(1).else(0).end()).as('full'),
          eb.fn.sum<number | string>(eb.case().when('grade', 'is not', null).then(1).else(0).end()).as('graded'),
          eb.fn.sum<number | string>(eb.case().when('grade', '=', 'excellent').then(1).else(0).end()).as('excellent'),
        ])
        .where('appraisal_id', 'in', ids)
        .groupBy('appraisal_id')
        .execute()
    : [];
  const byId = new Map(found.map((f) => [f.appraisal_id, f]));
  const out = new Map<string, AppraisalSummary['counts']>();
  for (const r of rows) {
    const f = byId.get(r.id);
    const participants = Number(f?.participants ?? 0);
    const full = Number(f?.full ?? 0);
    out.set(r.id, {
      participants,
      full,
      probationary: participants - full,
      graded: Number(f?.graded ?? 0),
      excellent: Number(f?.excellent ?? 0),
      maxExcellent: maxExcellent(full, appraisalRulesFor(r.year)),
    });
  }
  return out;
}

export function presentSummary(r: AppraisalRow, counts: AppraisalSummary['counts']): AppraisalSummary {
  return {
    id: r.id,
    orgId: r.org_id,
    orgName: r.org_name,
    year: r.year,
    status: r.status,
    openedAt: r.opened_at,
    openedByName: r.opened_by_name,
    closedAt: r.closed_at,
    closedByName: r.closed_by_name,
    counts,
  };
}

export function presentEntry(e: AppraisalEntryTable): AppraisalEntry {
  const tallied = e.mutual_excellent !== null;
  return {
    id: e.id,
    memberId: e.member_id,
    memberName: e.member_name,
    memberStatus: e.member_status,
    selfAssessment: e.self_assessment,
    mutual: tallied
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
  };
}
