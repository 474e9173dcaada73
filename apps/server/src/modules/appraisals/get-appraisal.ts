import { type AppraisalDetail, appraisalRulesFor, closeIssues } from '@tongxin/contracts';
import type { Ctx } from '../../context.js';
import { countsOf, loadAppraisal, loadEntries, presentEntry, presentSummary } from './appraisal.repository.js';

/** One appraisal with every participant's assessments, and what still keeps it from closing. */
export async function getAppraisal(ctx: Ctx, id: string): Promise<AppraisalDetail> {
  return ctx.db.transaction().execute(async (trx) => {
    const access = ctx.access.in(trx);
    const row = await loadAppraisal(trx, access, id);
    const entries = (await loadEntries(trx, id)).map(presentEntry);
    const counts = (await countsOf(trx, [row])).get(id)!;
    const open = row.status === 'open';
    const issues = open ? closeIssues(entries, appraisalRulesFor(row.year)) : [];
    return {
      ...presentSummary(row, counts),
      entries,
      closeIssues: issues,
      abilities: { edit: open, close: open && issues.length === 0 },
    };
  });
}
