import type { pledgeVersionBody } from '@tongxin/contracts';
import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import type { Ctx } from '../../../context.js';
import { conflict, forbidden, notFound } from '../../../platform/http/errors.js';
import { findPledge } from './pledge.repository.js';

/** A new version of the text: every enterprise is asked to sign again (earlier signatures stay on record). */
export async function revisePledge(ctx: Ctx, id: string, input: z.output<typeof pledgeVersionBody>): Promise<number> {
  const at = ctx.clock.now().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const access = ctx.access.in(trx);
    const p = await findPledge(trx, id);
    if (!p) throw notFound('倡议书');
    // Every business user reads pledges: one who may not revise it is refused (403), not told it is missing.
    if (!(await access.can('governance.manage', p.org_id))) {
      throw access.holdsAnywhere('org.read') ? forbidden('只有发布倡议书的党委可以修订') : notFound('倡议书');
    }
    const next = Number(p.current_version) + 1;
    const moved = await trx
      .updateTable('pledge')
      .set({ current_version: next, updated_at: at })
      .where('id', '=', id)
      .where('current_version', '=', p.current_version)
      .executeTakeFirst();
    if (Number(moved.numUpdatedRows) !== 1) throw conflict('倡议书刚被他人修订，请刷新后重试');
    const user = access.user!;
    await trx
      .insertInto('pledge_version')
      .values({
        id: uuidv7(),
        pledge_id: id,
        version: next,
        body: input.body,
        note: input.note,
        published_at: at,
        published_by: user.id,
        published_by_name: user.displayName,
      })
      .execute();
    await ctx.audit.record(trx, ctx.actor, {
      type: 'governance.pledge_revise',
      orgId: p.org_id,
      objectType: 'pledge',
      objectId: id,
      detail: { version: next, note: input.note },
    });
    return next;
  });
}
