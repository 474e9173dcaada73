import type { MemberDetail } from '@tongxin/contracts';
import type { Ctx } from '../../context.js';
import { notFound } from '../../platform/http/errors.js';
import { presentDetail } from './member.presenter.js';

/**
 * AZ-05: a member sees their own record (masked like everyone's), whatever their grants: the account's
 * linked member row, and nothing else.
 */
export async function myMember(ctx: Ctx): Promise<MemberDetail> {
  const r = await ctx.db
    .selectFrom('app_user')
    .innerJoin('member', 'member.id', 'app_user.member_id')
    .innerJoin('org', 'org.id', 'member.org_id')
    .selectAll('member')
    .select('org.name as org_name')
    .where('app_user.id', '=', ctx.access.user!.id)
    .executeTakeFirst();
  if (!r) throw notFound('您的党员档案');
  return presentDetail(r, [{ id: r.org_id, name: r.org_name }], { manage: false, reveal: false });
}
