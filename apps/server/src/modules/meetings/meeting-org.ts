import { MEETING_BRANCH_KINDS, MEETING_KIND_LABELS, type MeetingKind } from '@tongxin/contracts';
import type { Access } from '../../access/access.js';
import type { Trx } from '../../platform/db/connect.js';
import { invalid, notFound } from '../../platform/http/errors.js';
import { findOrg } from '../orgs/org.repository.js';

export interface MeetingOrg {
  id: string;
  name: string;
  kind: string;
  parentId: string | null;
  /** The branch the meeting counts for. */
  branchId: string;
}

const BRANCH_KINDS: readonly string[] = MEETING_BRANCH_KINDS;

/**
 * The org that meets, checked against the kind: group meetings are held by a party group (counted for its
 * branch); every other kind by a branch, joint branch or general branch.
 */
export async function meetingOrg(
  trx: Trx,
  access: Access,
  orgId: string,
  kind: MeetingKind,
  permission: 'meeting.manage' | 'meeting.read',
): Promise<MeetingOrg> {
  await access.authorize(permission, orgId);
  const org = await findOrg(trx, orgId);
  if (!org) throw notFound('组织');
  if (org.status !== 'active') throw invalid('orgId', '该组织已撤销，不能再登记会议');
  if (kind === 'group_meeting') {
    if (org.kind !== 'group' || !org.parent_id) throw invalid('kind', '党小组会应由党小组召开，请在左侧选择党小组');
    return { id: org.id, name: org.name, kind: org.kind, parentId: org.parent_id, branchId: org.parent_id };
  }
  if (!BRANCH_KINDS.includes(org.kind)) {
    throw invalid('kind', `${MEETING_KIND_LABELS[kind]}应由党支部（联合党支部、党总支）召开，请在左侧选择支部`);
  }
  return { id: org.id, name: org.name, kind: org.kind, parentId: org.parent_id, branchId: org.id };
}
