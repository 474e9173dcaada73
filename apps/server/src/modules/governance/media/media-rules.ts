import type { MediaAccount } from '@tongxin/contracts';
import type { Access } from '../../../access/access.js';
import type { MediaAccountRow } from './media-account.repository.js';

/**
 * Who edits an account: an enterprise's — its contacts, or governance.manage at its area committee; an
 * organisation's — governance.relay at it (its secretary) or governance.manage above.
 */
export async function mayEditAccount(
  access: Access,
  a: Pick<MediaAccountRow, 'owner_kind' | 'enterprise_id' | 'owner_org_id' | 'area_org_id'>,
  contactOf: ReadonlySet<string>,
): Promise<boolean> {
  if (a.owner_kind === 'enterprise') {
    if (a.enterprise_id && contactOf.has(a.enterprise_id)) return true;
    return access.can('governance.manage', a.area_org_id);
  }
  if (!a.owner_org_id) return false;
  return (await access.can('governance.manage', a.owner_org_id)) || access.can('governance.relay', a.owner_org_id);
}

export function presentAccount(a: MediaAccountRow, edit: boolean): MediaAccount {
  return {
    id: a.id,
    platform: a.platform,
    name: a.name,
    handle: a.handle,
    ownerKind: a.owner_kind,
    owner:
      a.owner_kind === 'enterprise'
        ? { id: a.enterprise_id ?? '', name: a.enterprise_name ?? '' }
        : { id: a.owner_org_id ?? '', name: a.owner_org_name ?? '' },
    district: { id: a.area_org_id, name: a.area_name },
    operatorName: a.operator_name,
    followerBand: a.follower_band,
    verification: a.verification,
    url: a.url,
    version: Number(a.version),
    abilities: { edit },
  };
}
