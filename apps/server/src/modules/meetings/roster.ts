import type { MeetingKind } from '@tongxin/contracts';
import type { Db, Trx } from '../../platform/db/connect.js';

export interface RosterMember {
  id: string;
  name: string;
  memberStatus: 'full' | 'probationary';
}

/** A member is a full member on a day when their status is full and their 转正 date (if known) is not later. */
const statusOn = (status: string, fullOn: string | null, day: string): 'full' | 'probationary' =>
  status === 'full' && (fullOn === null || fullOn <= day) ? 'full' : 'probationary';

async function activeMembersUnder(db: Db | Trx, orgId: string, day: string): Promise<RosterMember[]> {
  const rows = await db
    .selectFrom('member')
    .innerJoin('org_closure', 'org_closure.descendant_id', 'member.org_id')
    .select(['member.id', 'member.name', 'member.status', 'member.full_on'])
    .where('org_closure.ancestor_id', '=', orgId)
    .where('member.archived_at', 'is', null)
    .orderBy('member.name_pinyin')
    .orderBy('member.id')
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, memberStatus: statusOn(r.status, r.full_on, day) }));
}

/** The current committee's member names (committee members are kept by name, with no ledger link). */
export async function committeeNames(db: Db | Trx, orgId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('org_committee')
    .innerJoin('committee_member', 'committee_member.committee_id', 'org_committee.id')
    .select('committee_member.name')
    .where('org_committee.org_id', '=', orgId)
    .where('org_committee.superseded_at', 'is', null)
    .execute();
  return rows.map((r) => r.name);
}

/**
 * Who is expected (应到) at a meeting: the branch's active members (its groups' included); for a group
 * meeting the group's members, or the branch's when the ledger places nobody in the group; for a committee
 * meeting the current committee's members found in the branch's ledger by name.
 */
export async function rosterFor(
  db: Db | Trx,
  org: { id: string; parentId: string | null },
  kind: MeetingKind,
  day: string,
): Promise<{ members: RosterMember[]; basis: string; committeeSize: number | null }> {
  if (kind === 'group_meeting') {
    const own = await activeMembersUnder(db, org.id, day);
    if (own.length > 0 || !org.parentId) return { members: own, basis: '本党小组党员', committeeSize: null };
    return {
      members: await activeMembersUnder(db, org.parentId, day),
      basis: '党小组未在名册中分配党员，列出所在支部全部党员',
      committeeSize: null,
    };
  }
  const all = await activeMembersUnder(db, org.id, day);
  if (kind === 'committee_meeting') {
    const names = await committeeNames(db, org.id);
    const inCommittee = all.filter((m) => names.includes(m.name));
    if (names.length > 0 && inCommittee.length > 0) {
      return { members: inCommittee, basis: '本届支部委员会委员', committeeSize: names.length };
    }
    return { members: all, basis: '未设支部委员会或委员不在名册中，列出支部全部党员', committeeSize: names.length || null };
  }
  return { members: all, basis: '本支部全部党员（含党小组）', committeeSize: null };
}
