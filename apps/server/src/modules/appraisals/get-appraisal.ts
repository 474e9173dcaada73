import { type AppraisalDetail, appraisalRulesFor, closeIssues } from '@tongxin/contracts';
import type { Ctx } from '../../context.js';
import { presentCounts, presentEntry, presentSummary } from './appraisal.presenter.js';
import { loadEntries } from './appraisal.repository.js';
import { entryCounts } from './appraisal-list.repository.js';
import { loadAppraisal } from './load-appraisal.js';

/** One appraisal with every participant's assessments, and what still keeps it from closing. */
export async function getAppraisal(ctx: Ctx, id: string): Promise<AppraisalDetail> {
  return ctx.db.transaction().execute(async (trx) => {
    const access = ctx.access.in(trx);
    const appraisal = await loadAppraisal(trx, access, id);
    const entries = (await loadEntries(trx, id)).map(presentEntry);
    const counts = presentCounts(appraisal, (await entryCounts(trx, [id])).get(id));
    const open = appraisal.status === 'open';
    const issues = open ? closeIssues(entries, appraisalRulesFor(appraisal.year)) : [];
    return {
      ...presentSummary(appraisal, counts),
      entries,
      closeIssues: issues,
      abilities: { edit: open, close: open && issues.length === 0 },
    };
  });
}
