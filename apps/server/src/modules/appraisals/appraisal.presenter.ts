import { type AppraisalEntry, type AppraisalSummary, appraisalRulesFor, maxExcellent } from '@tongxin/contracts';
import type { Appraisal, AppraisalEntryRecord } from './appraisal.repository.js';
import type { EntryCounts } from './appraisal-list.repository.js';

/** A summary's counts from the grouped entry counts (an appraisal with no entries counts zero). */
export function presentCounts(a: Pick<Appraisal, 'year'>, c: EntryCounts | undefined): AppraisalSummary['counts'] {
  const participants = c?.participants ?? 0;
  const full = c?.full ?? 0;
  return {
    participants,
    full,
    probationary: participants - full,
    graded: c?.graded ?? 0,
    excellent: c?.excellent ?? 0,
    maxExcellent: maxExcellent(full, appraisalRulesFor(a.year)),
  };
}

export function presentSummary(a: Appraisal, counts: AppraisalSummary['counts']): AppraisalSummary {
  return {
    id: a.id,
    orgId: a.orgId,
    orgName: a.orgName,
    year: a.year,
    status: a.status,
    openedAt: a.openedAt,
    openedByName: a.openedByName,
    closedAt: a.closedAt,
    closedByName: a.closedByName,
    counts,
  };
}

export function presentEntry(e: AppraisalEntryRecord): AppraisalEntry {
  return {
    id: e.id,
    memberId: e.memberId,
    memberName: e.memberName,
    memberStatus: e.memberStatus,
    selfAssessment: e.selfAssessment,
    mutual: e.mutual,
    committeeOpinion: e.committeeOpinion,
    grade: e.grade,
    version: e.version,
    updatedAt: e.updatedAt,
  };
}
