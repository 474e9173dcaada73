import type { MemberDetail } from '@tongxin/contracts';
import type { Ctx } from '../../context.js';
import { notFound } from '../../platform/http/errors.js';
import { presentDetail } from './member.presenter.js';
import { findMemberOfAccount } from './member.repository.js';

/**
 * AZ-05: a member sees their own record (masked like everyone's), whatever their grants: the account's
 * linked member row, and nothing else.
 */
export async function myMember(ctx: Ctx): Promise<MemberDetail> {
  const r = await findMemberOfAccount(ctx.db, ctx.access.user!.id);
  if (!r) throw notFound('您的党员档案');
  return presentDetail(r, [{ id: r.org_id, name: r.org_name }], { manage: false, reveal: false });
}
