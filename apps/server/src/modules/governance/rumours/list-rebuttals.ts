import type { rebuttalsQuery } from '@tongxin/contracts';
import type { z } from 'zod';
import type { Ctx } from '../../../context.js';
import { requireBusinessUser } from '../governance-access.js';
import { presentRebuttal } from './rebuttal.repository.js';

/** Escapes LIKE wildcards in what the user typed. */
const likeText = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * The rebuttal library, readable by every business user: a keyword finds titles, claims and rebuttals; letters
 * find titles by full pinyin or initials ("shuju" or "sjxl" finds 数据泄露).
 */
export async function listRebuttals(ctx: Ctx, query: z.output<typeof rebuttalsQuery>) {
  requireBusinessUser(ctx.access);
  const q = query.q?.trim() ?? '';
  const letters = q.toLowerCase().replace(/\s+/g, '');
  const base = ctx.db.selectFrom('rebuttal').$if(q !== '', (qb) =>
    qb.where((eb) => {
      const parts = [
        eb('title', 'like', likeText(q)),
        eb('claim', 'like', likeText(q)),
        eb('truth', 'like', likeText(q)),
        eb('source_name', 'like', likeText(q)),
      ];
      if (/^[a-z]+$/.test(letters)) {
        parts.push(eb('title_pinyin', 'like', likeText(letters)), eb('title_initials', 'like', likeText(letters)));
      }
      return eb.or(parts);
    }),
  );
  const total = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await base
    .selectAll()
    .orderBy('published_on', 'desc')
    .orderBy('id', 'desc')
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute();
  return {
    items: rows.map(presentRebuttal),
    total: Number(total.n),
    page: query.page,
    pageSize: query.pageSize,
    canCreate: ctx.access.holdsAnywhere('governance.manage'),
  };
}
