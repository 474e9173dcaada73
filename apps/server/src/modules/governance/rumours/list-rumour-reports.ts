import type { RumourReport, rumourReportsQuery } from '@tongxin/contracts';
import type { z } from 'zod';
import type { Ctx } from '../../../context.js';
import { listAttachmentsOf } from '../../attachments/attachment.repository.js';
import { requireBusinessUser } from '../governance-access.js';
import { RUMOUR_SCREENSHOTS } from './rumour-attachments.js';
import { presentRumour, selectRumourReports } from './rumour-report.presenter.js';

const LIMIT = 100;

/** "mine": what the caller submitted, with the answers; "queue": reports under the caller's governance.manage scope. */
export async function listRumourReports(
  ctx: Ctx,
  query: z.output<typeof rumourReportsQuery>,
): Promise<{ items: RumourReport[]; canAnswer: boolean }> {
  requireBusinessUser(ctx.access);
  if (query.view === 'queue') ctx.access.requireAnywhere('governance.manage');
  return ctx.db.transaction().execute(async (trx) => {
    const access = ctx.access.in(trx);
    const rows = await selectRumourReports(trx)
      .$if(query.view === 'mine', (q) => q.where('rumour_report.submitted_by', '=', access.user!.id))
      .$if(query.view === 'queue', (q) => q.where(access.scope('governance.manage', 'rumour_report.org_id')))
      .orderBy('rumour_report.status', 'desc')
      .orderBy('rumour_report.submitted_at', 'desc')
      .orderBy('rumour_report.id')
      .limit(LIMIT)
      .execute();
    const rebuttalIds = [...new Set(rows.map((r) => r.rebuttal_id).filter((x): x is string => x !== null))];
    const rebuttals = rebuttalIds.length
      ? await trx.selectFrom('rebuttal').selectAll().where('id', 'in', rebuttalIds).execute()
      : [];
    const shots = await listAttachmentsOf(
      trx,
      RUMOUR_SCREENSHOTS.kind,
      rows.map((r) => r.id),
    );
    const items: RumourReport[] = [];
    for (const r of rows) {
      const answer = await access.can('governance.manage', r.org_id);
      items.push(
        presentRumour(
          r,
          rebuttals.find((b) => b.id === r.rebuttal_id),
          shots.get(r.id) ?? [],
          answer,
        ),
      );
    }
    return { items, canAnswer: access.holdsAnywhere('governance.manage') };
  });
}
