import { ALLOWED_CHILD_KINDS, type CommitteeLevel, ORG_KIND_LABELS, type OrgKind } from '@tongxin/contracts';
import type { Trx } from '../../platform/db/connect.js';
import { conflict, invalid } from '../../platform/http/errors.js';
import { nameTaken, type OrgRow } from './org.repository.js';

/** Structural rules every write shares: where a kind may hang and which committee levels nest. */
export function assertPlacement(parent: OrgRow, kind: OrgKind, level: CommitteeLevel | null, field = 'kind'): void {
  if (parent.status !== 'active') throw conflict(`上级组织「${parent.name}」已撤销，不能在其下设立组织`);
  if (!ALLOWED_CHILD_KINDS[parent.kind].includes(kind)) {
    throw invalid(field, `${ORG_KIND_LABELS[parent.kind]}下不能设立${ORG_KIND_LABELS[kind]}`);
  }
  if (kind === 'committee') {
    const allowed = parent.level === 'city' ? ['district', 'park'] : parent.level === 'district' ? ['park'] : [];
    if (!level || !allowed.includes(level)) throw invalid('level', '党委层级须低于上级党委（市级 → 区县级 → 园区）');
  }
}

export async function assertUniqueName(trx: Trx, parentId: string, name: string, exceptId?: string): Promise<void> {
  if (await nameTaken(trx, parentId, name, exceptId)) throw invalid('name', '同一上级组织下已有同名组织');
}

export function assertActive(org: OrgRow): void {
  if (org.status !== 'active') throw conflict(`「${org.name}」已撤销，只能查看历史`);
}
