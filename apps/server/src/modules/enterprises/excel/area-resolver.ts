import type { Access } from '../../../access/access.js';
import type { Db, Trx } from '../../../platform/db/connect.js';
import { quoteCell } from '../../../platform/excel/quote-cell.js';
import { same, spellings } from '../../members/excel/org-resolver.js';

export type Match = { ok: true; id: string; kind: string } | { ok: false; message: string };

/**
 * The org names of a registry row: 所属区县 (a district committee where the user may manage enterprises),
 * 所属园区 (a park committee under that district) and 覆盖党组织 (a branch, general branch or joint branch the
 * user can see). An unknown name and one outside the scope get the same message. Answers are kept per name.
 */
export function areaResolver(db: Db | Trx, access: Access) {
  const cache = new Map<string, Match>();
  const find = async (
    key: string,
    name: string,
    where: (q: ReturnType<typeof base>) => ReturnType<typeof base>,
    label: string,
  ): Promise<Match> => {
    const hit = cache.get(key);
    if (hit) return hit;
    const rows = await where(base(name)).limit(10).execute();
    const matching = rows.filter((r) => same(r.name) === same(name) && r.status === 'active');
    const match: Match =
      matching.length === 1
        ? { ok: true, id: matching[0]!.id, kind: matching[0]!.kind }
        : matching.length > 1
          ? { ok: false, message: `您的管理范围内有${matching.length}个名为${quoteCell(name)}的${label}，无法确定是哪一个` }
          : { ok: false, message: `${label}${quoteCell(name)}不存在或不在您的管理范围内，请填写系统中的全称` };
    cache.set(key, match);
    return match;
  };
  const base = (name: string) =>
    db.selectFrom('org').select(['org.id', 'org.name', 'org.kind', 'org.status']).where('org.name', 'in', spellings(name));
  return {
    district: (name: string) =>
      find(
        `d:${name}`,
        name,
        (q) => q.where('org.level', '=', 'district').where(access.scope('enterprise.manage', 'org.id')),
        '区县党委',
      ),
    park: (name: string, districtId: string) =>
      find(
        `p:${districtId}:${name}`,
        name,
        (q) =>
          q
            .where('org.level', '=', 'park')
            .where(access.scope('enterprise.manage', 'org.id'))
            .where('org.id', 'in', (eb) =>
              eb.selectFrom('org_closure').select('descendant_id').where('ancestor_id', '=', districtId),
            ),
        '该区县下的园区党委',
      ),
    covering: (name: string) =>
      find(
        `c:${name}`,
        name,
        (q) => q.where('org.kind', 'in', ['branch', 'general_branch', 'joint_branch']).where(access.scope('org.read', 'org.id')),
        '党支部',
      ),
  };
}
