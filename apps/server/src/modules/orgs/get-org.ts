import { orgWarnings } from '@tongxin/contracts';
import type { FastifyRequest } from 'fastify';
import { VISIBILITY } from '../../access/access.js';
import { beijingDate } from '../../platform/clock.js';
import type { Deps } from '../../platform/deps.js';
import { notFound } from '../../platform/http/errors.js';
import { loadCommittee } from './committee.repository.js';
import { findOrg } from './org.repository.js';

/** The org page: details, visible path, counts, committee, set-up warnings and what the user may do here. */
export async function getOrg(deps: Deps, request: FastifyRequest, id: string) {
  const { db } = deps;
  const access = request.access;
  await access.authorize('org.read', id);
  const org = await findOrg(db, id);
  if (!org) throw notFound('组织');
  const [path, counts, members, committee, mergedInto] = await Promise.all([
    db
      .selectFrom('org_closure')
      .innerJoin('org', 'org.id', 'org_closure.ancestor_id')
      .select(['org.id', 'org.name'])
      .where('org_closure.descendant_id', '=', id)
      .where(access.scope(VISIBILITY, 'org.id'))
      .orderBy('org_closure.depth', 'desc')
      .execute(),
    db
      .selectFrom('org_closure')
      .select((eb) => eb.fn.countAll<number>().as('descendants'))
      .where('ancestor_id', '=', id)
      .where('depth', '>', 0)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('member')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('org_id', '=', id)
      .where('status', '=', 'full')
      .where('archived_at', 'is', null)
      .executeTakeFirstOrThrow(),
    loadCommittee(db, id),
    org.merged_into_id
      ? db.selectFrom('org').select(['id', 'name']).where('id', '=', org.merged_into_id).executeTakeFirst()
      : undefined,
  ]);
  const [manage, manageCommittee, manageAccounts] = await Promise.all([
    access.can('org.manage', id),
    access.can('committee.manage', id),
    access.can('account.manage', id),
  ]);
  const childCount = await db
    .selectFrom('org')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('parent_id', '=', id)
    .where('status', '=', 'active')
    .executeTakeFirstOrThrow();
  const fullMemberCount = Number(members.n);
  const active = org.status === 'active';
  return {
    id: org.id,
    parentId: org.parent_id,
    name: org.name,
    kind: org.kind,
    level: org.level,
    status: org.status,
    childCount: Number(childCount.n),
    foundedOn: org.founded_on,
    createdAt: org.created_at,
    archivedAt: org.archived_at,
    archiveReason: org.archive_reason,
    mergedInto: mergedInto ?? null,
    path,
    descendantCount: Number(counts.descendants),
    fullMemberCount,
    committee,
    warnings: active
      ? orgWarnings({
          kind: org.kind,
          fullMembers: fullMemberCount,
          committeeSize: committee?.members.length ?? null,
          termEnd: committee?.termEnd ?? null,
          today: beijingDate(deps.clock.now()),
        })
      : [],
    abilities: { manage: manage && active, manageCommittee: manageCommittee && active, manageAccounts },
  };
}
