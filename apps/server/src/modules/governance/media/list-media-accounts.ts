import type { MediaAccount, mediaAccountsQuery } from '@tongxin/contracts';
import type { z } from 'zod';
import type { Ctx } from '../../../context.js';
import { beijingDate } from '../../../platform/clock.js';
import { contactEnterpriseIds, under } from '../governance-access.js';
import { mediaVisible, selectMediaAccounts } from './media-account.repository.js';
import { mayEditAccount, presentAccount } from './media-rules.js';

/** The matrix registry, filtered by platform, district and name; only the accounts the caller sees. */
export async function listMediaAccounts(ctx: Ctx, query: z.output<typeof mediaAccountsQuery>) {
  const access0 = ctx.access;
  access0.requireAnywhere('org.read');
  const today = beijingDate(ctx.clock.now());
  return ctx.db.transaction().execute(async (trx) => {
    const access = access0.in(trx);
    const base = selectMediaAccounts(trx)
      .where((eb) => mediaVisible(eb, access, today))
      .$if(query.platform !== undefined, (q) => q.where('media_account.platform', '=', query.platform!))
      .$if(query.districtId !== undefined, (q) => q.where(under(query.districtId!, 'media_account.area_org_id')))
      .$if(Boolean(query.q), (q) =>
        q.where((eb) =>
          eb.or([
            eb('media_account.name', 'like', `%${query.q}%`),
            eb('media_account.handle', 'like', `%${query.q}%`),
            eb('enterprise.name', 'like', `%${query.q}%`),
            eb('owner_org.name', 'like', `%${query.q}%`),
          ]),
        ),
      );
    const total = await base
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const rows = await base
      .orderBy('media_account.platform')
      .orderBy('media_account.name')
      .orderBy('media_account.id')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute();
    const own = new Set(await contactEnterpriseIds(trx, access));
    const items: MediaAccount[] = [];
    for (const r of rows) items.push(presentAccount(r, await mayEditAccount(access, r, own)));
    const canCreate = own.size > 0 || access.holdsAnywhere('governance.manage') || access.holdsAnywhere('governance.relay');
    return { items, total: Number(total.n), page: query.page, pageSize: query.pageSize, canCreate };
  });
}
