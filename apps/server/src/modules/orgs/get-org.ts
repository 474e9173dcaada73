import { orgWarnings } from '@tongxin/contracts';
import type { Ctx } from '../../context.js';
import { beijingDate } from '../../platform/clock.js';
import { notFound } from '../../platform/http/errors.js';
import { loadCommittee } from './committee.repository.js';
import { findOrgWithCounts } from './org.repository.js';

/**
 * The org page: details, visible path, counts, committee, set-up warnings and what the user may do here.
 * Three queries after authorization (the path comes from the ancestors the check already loaded).
 */
export async function getOrg(ctx: Ctx, id: string) {
  const { db } = ctx;
  const access = ctx.access;
  await access.authorize('org.read', id);
  const org = await findOrgWithCounts(db, id);
  if (!org) throw notFound('组织');
  const [path, committee, manage, manageCommittee, manageAccounts] = await Promise.all([
    access.visiblePath(id),
    loadCommittee(db, id),
    access.can('org.manage', id),
    access.can('committee.manage', id),
    access.can('account.manage', id),
  ]);
  const fullMemberCount = org.fullMemberCount;
  const active = org.status === 'active';
  return {
    id: org.id,
    parentId: org.parent_id,
    name: org.name,
    kind: org.kind,
    level: org.level,
    status: org.status,
    childCount: org.childCount,
    foundedOn: org.founded_on,
    createdAt: org.created_at,
    archivedAt: org.archived_at,
    archiveReason: org.archive_reason,
    mergedInto: org.merged_into_id && org.mergedName ? { id: org.merged_into_id, name: org.mergedName } : null,
    path,
    descendantCount: org.descendantCount,
    fullMemberCount,
    committee,
    warnings: active
      ? orgWarnings({
          kind: org.kind,
          fullMembers: fullMemberCount,
          committeeSize: committee?.members.length ?? null,
          termEnd: committee?.termEnd ?? null,
          today: beijingDate(ctx.clock.now()),
        })
      : [],
    abilities: { manage: manage && active, manageCommittee: manageCommittee && active, manageAccounts: manageAccounts && active },
  };
}
