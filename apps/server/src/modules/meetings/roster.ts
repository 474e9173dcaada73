import type { MeetingKind } from '@tongxin/contracts';
import type { Db, Trx } from '../../platform/db/connect.js';
import { activeMembersUnder, committeeNames } from './meeting-branches.repository.js';

export interface RosterMember {
  id: string;
  name: string;
  memberStatus: 'full' | 'probationary';
}

/** A member is a full member on a day when their status is full and their 转正 date (if known) is not later. */
const statusOn = (status: string, fullOn: string | null, day: string): 'full' | 'probationary' =>
  status === 'full' && (fullOn === null || fullOn <= day) ? 'full' : 'probationary';

async function membersOn(db: Db | Trx, orgId: string, day: string): Promise<RosterMember[]> {
  const rows = await activeMembersUnder(db, orgId);
  return rows.map((r) => ({ id: r.id, name: r.name, memberStatus: statusOn(r.status, r.fullOn, day) }));
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
    const own = await membersOn(db, org.id, day);
    if (own.length > 0 || !org.parentId) return { members: own, basis: '本党小组党员', committeeSize: null };
    return {
      members: await membersOn(db, org.parentId, day),
      basis: '党小组未在名册中分配党员，列出所在支部全部党员',
      committeeSize: null,
    };
  }
  const all = await membersOn(db, org.id, day);
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
