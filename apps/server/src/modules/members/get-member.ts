import type { MemberDetail } from '@tongxin/contracts';
import type { FastifyRequest } from 'fastify';
import { enterpriseVisible } from '../../access/enterprise-scope.js';
import { beijingDate } from '../../platform/clock.js';
import type { Deps } from '../../platform/deps.js';
import { notFound } from '../../platform/http/errors.js';
import { presentDetail } from './member.presenter.js';

/** A member's record, masked (DP-04): two indexed queries after the check. */
export async function getMember(deps: Deps, request: FastifyRequest, id: string): Promise<MemberDetail> {
  const access = request.access;
  const orgId = await deps.db.selectFrom('member').select('org_id').where('id', '=', id).executeTakeFirst();
  if (!orgId) throw notFound('党员');
  await access.authorize('member.read', orgId.org_id, '党员');
  const r = await deps.db
    .selectFrom('member')
    .innerJoin('org', 'org.id', 'member.org_id')
    .selectAll('member')
    .select('org.name as org_name')
    .where('member.id', '=', id)
    .executeTakeFirstOrThrow();
  const [path, manage, reveal, employerLink] = await Promise.all([
    access.visiblePath(r.org_id),
    access.can('member.manage', r.org_id),
    access.can('member.pii.reveal', r.org_id),
    employerLinkVisible(deps, request, r.enterprise_id),
  ]);
  const active = r.archived_at === null;
  return presentDetail(r, path, { manage: manage && active, reveal: reveal && r.id_number_enc !== null }, employerLink);
}

/** The employer shows as a link only to a viewer who may open that enterprise's page (else it would 404). */
async function employerLinkVisible(deps: Deps, request: FastifyRequest, enterpriseId: string | null): Promise<boolean> {
  if (!enterpriseId) return false;
  const hit = await deps.db
    .selectFrom('enterprise')
    .select('id')
    .where('id', '=', enterpriseId)
    .where(enterpriseVisible(request.access, beijingDate(deps.clock.now())))
    .executeTakeFirst();
  return hit !== undefined;
}
