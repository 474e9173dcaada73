import type { memberListQuery } from '@tongxin/contracts';
import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { z } from 'zod';
import { coversSubtree } from '../../access/access.js';
import type { Ctx } from '../../context.js';
import { beijingDate } from '../../platform/clock.js';
import type { DB } from '../../platform/db/types.js';
import { memberWhere } from './member-filter.repository.js';

export type MemberFilterInput = Omit<z.output<typeof memberListQuery>, 'sort' | 'page' | 'pageSize'>;

/**
 * The where-conditions of a member list, count or export: the user's scope (through the access module), then
 * the filters. Shared by the list page, the export and the health check so that they always agree.
 */
export async function memberConditions(
  ctx: Ctx,
  f: MemberFilterInput,
): Promise<(eb: ExpressionBuilder<DB, 'member'>) => Expression<SqlBool>> {
  const access = ctx.access;
  const today = beijingDate(ctx.clock.now());
  if (f.orgId) {
    await access.authorize('member.read', f.orgId, '党组织');
    // A subtree the user holds whole needs no second scope test.
    const whole = await coversSubtree(access, 'member.read', f.orgId, ctx.db);
    return memberWhere(ctx, f, { subtreeOf: f.orgId, scoped: !whole, today });
  }
  return memberWhere(ctx, f, { subtreeOf: null, scoped: true, today });
}
