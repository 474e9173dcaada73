import type { MemberDetail } from '@tongxin/contracts';
import type { Ctx } from '../../context.js';
import { beijingDate } from '../../platform/clock.js';
import { notFound } from '../../platform/http/errors.js';
import { findVisibleEnterprise } from './employer.repository.js';
import { presentDetail } from './member.presenter.js';
import { findMemberOrgId, findMemberWithOrg } from './member.repository.js';

/** A member's record, masked (DP-04): two indexed queries after the check. */
export async function getMember(ctx: Ctx, id: string): Promise<MemberDetail> {
  const access = ctx.access;
  const orgId = await findMemberOrgId(ctx.db, id);
  if (!orgId) throw notFound('党员');
  await access.authorize('member.read', orgId, '党员');
  const r = (await findMemberWithOrg(ctx.db, id))!;
  const [path, manage, reveal, employerLink] = await Promise.all([
    access.visiblePath(r.org_id),
    access.can('member.manage', r.org_id),
    access.can('member.pii.reveal', r.org_id),
    employerLinkVisible(ctx, r.enterprise_id),
  ]);
  const active = r.archived_at === null;
  return presentDetail(r, path, { manage: manage && active, reveal: reveal && r.id_number_enc !== null }, employerLink);
}

/** The employer shows as a link only to a viewer who may open that enterprise's page (else it would 404). */
async function employerLinkVisible(ctx: Ctx, enterpriseId: string | null): Promise<boolean> {
  if (!enterpriseId) return false;
  const hit = await findVisibleEnterprise(ctx.db, ctx.access, enterpriseId, beijingDate(ctx.clock.now()));
  return hit !== undefined;
}
