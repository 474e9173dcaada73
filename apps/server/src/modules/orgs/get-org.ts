import { orgWarnings } from '@tongxin/contracts';
import type { Ctx } from '../../context.js';
import { beijingDate } from '../../platform/clock.js';
import { prepared } from '../../platform/db/prepared.js';
import { notFound } from '../../platform/http/errors.js';
import { loadCommittee } from './committee.repository.js';

/** The org with its counts: prepared, as its sub-selects cost Kysely more to build than SQLite to run. */
const orgWithCounts = prepared((db, v: { id: string }) =>
  db
    .selectFrom('org')
    .leftJoin('org as merged', 'merged.id', 'org.merged_into_id')
    .selectAll('org')
    .select((eb) => [
      'merged.name as merged_name',
      eb
        .selectFrom('org_closure')
        .select((c) => c.fn.countAll<number>().as('n'))
        .whereRef('org_closure.ancestor_id', '=', 'org.id')
        .where('org_closure.depth', '>', 0)
        .as('descendant_count'),
      eb
        .selectFrom('org as child')
        .select((c) => c.fn.countAll<number>().as('n'))
        .whereRef('child.parent_id', '=', 'org.id')
        .where('child.status', '=', 'active')
        .as('child_count'),
      eb
        .selectFrom('member')
        .select((c) => c.fn.countAll<number>().as('n'))
        .whereRef('member.org_id', '=', 'org.id')
        .where('member.status', '=', 'full')
        .where('member.archived_at', 'is', null)
        .as('full_member_count'),
    ])
    .where('org.id', '=', v.id),
);

/**
 * The org page: details, visible path, counts, committee, set-up warnings and what the user may do here.
 * Three queries after authorization (the path comes from the ancestors the check already loaded).
 */
export async function getOrg(ctx: Ctx, id: string) {
  const { db } = ctx;
  const access = ctx.access;
  await access.authorize('org.read', id);
  const [org] = await orgWithCounts(db, { id });
  if (!org) throw notFound('组织');
  const [path, committee, manage, manageCommittee, manageAccounts] = await Promise.all([
    access.visiblePath(id),
    loadCommittee(db, id),
    access.can('org.manage', id),
    access.can('committee.manage', id),
    access.can('account.manage', id),
  ]);
  const fullMemberCount = Number(org.full_member_count ?? 0);
  const active = org.status === 'active';
  return {
    id: org.id,
    parentId: org.parent_id,
    name: org.name,
    kind: org.kind,
    level: org.level,
    status: org.status,
    childCount: Number(org.child_count ?? 0),
    foundedOn: org.founded_on,
    createdAt: org.created_at,
    archivedAt: org.archived_at,
    archiveReason: org.archive_reason,
    mergedInto: org.merged_into_id && org.merged_name ? { id: org.merged_into_id, name: org.merged_name } : null,
    path,
    descendantCount: Number(org.descendant_count ?? 0),
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
