import type { MemberDetail } from '@tongxin/contracts';
import type { FastifyRequest } from 'fastify';
import type { Deps } from '../../platform/deps.js';
import { notFound } from '../../platform/http/errors.js';
import { presentSummary, presentTalents } from './member.presenter.js';

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
  const [path, manage, reveal] = await Promise.all([
    access.visiblePath(r.org_id),
    access.can('member.manage', r.org_id),
    access.can('member.pii.reveal', r.org_id),
  ]);
  const active = r.archived_at === null;
  return {
    ...presentSummary(r),
    ethnicity: r.ethnicity,
    employerName: r.employer_name,
    position: r.position,
    talents: presentTalents(r),
    remarks: r.remarks,
    archiveReason: r.archive_reason,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at ?? r.created_at,
    path,
    abilities: { manage: manage && active, reveal: reveal && r.id_card_enc !== null },
  };
}
