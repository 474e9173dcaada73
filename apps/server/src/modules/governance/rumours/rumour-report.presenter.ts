import type { AttachmentInfo, RumourReport } from '@tongxin/contracts';
import type { Selectable } from 'kysely';
import type { Db, Trx } from '../../../platform/db/connect.js';
import type { RebuttalTable, RumourReportTable } from '../../../platform/db/types.js';
import { presentRebuttal } from './rebuttal.repository.js';

export type RumourRow = Selectable<RumourReportTable> & { org_name: string };

export function selectRumourReports(db: Db | Trx) {
  return db
    .selectFrom('rumour_report')
    .innerJoin('org', 'org.id', 'rumour_report.org_id')
    .selectAll('rumour_report')
    .select('org.name as org_name');
}

export function presentRumour(
  r: RumourRow,
  rebuttal: Selectable<RebuttalTable> | undefined,
  screenshots: AttachmentInfo[],
  answer: boolean,
): RumourReport {
  return {
    id: r.id,
    text: r.text,
    url: r.url,
    org: { id: r.org_id, name: r.org_name },
    submittedAt: r.submitted_at,
    submittedByName: r.submitted_by_name,
    status: r.status,
    verdict: r.verdict,
    answer: r.answer,
    answeredAt: r.answered_at,
    answeredByName: r.answered_by_name,
    rebuttal: rebuttal ? presentRebuttal(rebuttal) : null,
    officialUrl: r.official_url,
    screenshots,
    abilities: { answer: answer && r.status === 'pending' },
  };
}
