import type { PledgeSummary } from '@tongxin/contracts';
import type { Ctx } from '../../../context.js';
import { beijingDate } from '../../../platform/clock.js';
import { requireBusinessUser } from '../governance-access.js';
import { presentPledge } from './pledge.presenter.js';
import { listPledgeRows, signatureLines } from './pledge.repository.js';

/**
 * Pledges are public texts inside the platform: every business user reads them. The counts cover only the
 * enterprises the caller sees (a contact: its own).
 */
export async function listPledges(ctx: Ctx): Promise<{ items: PledgeSummary[] }> {
  requireBusinessUser(ctx.access);
  const today = beijingDate(ctx.clock.now());
  return ctx.db.transaction().execute(async (trx) => {
    const access = ctx.access.in(trx);
    const rows = await listPledgeRows(trx);
    const items: PledgeSummary[] = [];
    for (const p of rows) {
      const lines = await signatureLines(trx, access, { pledgeId: p.id, orgId: p.org_id, today });
      const v = await trx
        .selectFrom('pledge_version')
        .select('published_at')
        .where('pledge_id', '=', p.id)
        .where('version', '=', p.current_version)
        .executeTakeFirstOrThrow();
      items.push(presentPledge(p, v.published_at, lines));
    }
    return { items };
  });
}
