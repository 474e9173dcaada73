import { MEMBER_ORG_KINDS, ORG_KIND_LABELS } from '@tongxin/contracts';
import type { Access } from '../../../access/access.js';
import type { Db, Trx } from '../../../platform/db/connect.js';
import { quoteCell } from '../../../platform/excel/quote-cell.js';
import { findImportOrgsNamed } from './member-import.repository.js';

export type OrgMatch = { ok: true; orgId: string } | { ok: false; message: string };

/** The forms an org name may take in a spreadsheet and in the registry: as typed, NFKC, and with either kind of brackets. */
export function spellings(name: string): string[] {
  const folded = name.normalize('NFKC').replace(/\s+/g, '');
  const full = folded.replace(/\(/g, '（').replace(/\)/g, '）');
  return [...new Set([name, name.replace(/\s+/g, ''), folded, full])];
}
export const same = (a: string) => a.normalize('NFKC').replace(/\s+/g, '');

/**
 * 所在党组织 by exact name (after normalising) among the orgs where the user may import. An unknown name and a
 * name outside the user's scope get the same message, so the importer reveals nothing beyond the scope.
 * Answers are kept per name: a file names few orgs many times.
 */
export function orgResolver(db: Db | Trx, access: Access) {
  const cache = new Map<string, OrgMatch>();
  return async (name: string): Promise<OrgMatch> => {
    const hit = cache.get(name);
    if (hit) return hit;
    const rows = await findImportOrgsNamed(db, access, spellings(name));
    const matching = rows.filter((r) => same(r.name) === same(name));
    const usable = matching.filter((r) => r.status === 'active' && (MEMBER_ORG_KINDS as readonly string[]).includes(r.kind));
    let match: OrgMatch;
    if (usable.length === 1) match = { ok: true, orgId: usable[0]!.id };
    else if (usable.length > 1)
      match = {
        ok: false,
        message: `您的管理范围内有${usable.length}个名为${quoteCell(name)}的党组织，无法确定是哪一个，请联系上级党委区分名称`,
      };
    else if (matching.some((r) => r.status === 'active'))
      match = {
        ok: false,
        message: `${quoteCell(name)}是${ORG_KIND_LABELS[matching[0]!.kind]}，党员应编入党支部、联合党支部或党总支`,
      };
    else if (matching.length) match = { ok: false, message: `党组织${quoteCell(name)}已撤销，不能再编入党员` };
    else
      match = {
        ok: false,
        message: `所在党组织${quoteCell(name)}不存在或不在您的导入范围内，请填写系统中党组织的全称`,
      };
    cache.set(name, match);
    return match;
  };
}
