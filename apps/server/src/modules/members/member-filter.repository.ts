import { AGE_BAND_BOUNDS, type AgeBand, normaliseMobile, parseIdNumber, yearsBefore } from '@tongxin/contracts';
import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import type { Access } from '../../access/access.js';
import { like } from '../../platform/db/helpers.js';
import type { DB } from '../../platform/db/types.js';
import type { Deps } from '../../platform/deps.js';
import { idNumberIndex, phoneIndex } from './member.repository.js';
import type { MemberFilterInput } from './member-filter.js';

/**
 * The where-conditions for a member filter: the subtree of `subtreeOf` (if any), the user's member.read scope
 * unless the caller found the subtree held whole, then the filters.
 */
export function memberWhere(
  ctx: Deps & { access: Access },
  f: MemberFilterInput,
  o: { subtreeOf: string | null; scoped: boolean; today: string },
): (eb: ExpressionBuilder<DB, 'member'>) => Expression<SqlBool> {
  const conditions: Expression<SqlBool>[] = [];
  if (o.subtreeOf) {
    conditions.push(
      sql<SqlBool>`member.org_id in (select sub.descendant_id from org_closure as sub where sub.ancestor_id = ${o.subtreeOf})`,
    );
  }
  if (o.scoped) conditions.push(ctx.access.scope('member.read', 'member.org_id'));
  const today = o.today;
  return (eb) => {
    const all = [...conditions];
    all.push(f.archived ? eb('member.archived_at', 'is not', null) : eb('member.archived_at', 'is', null));
    if (f.status) all.push(eb('member.status', '=', f.status));
    if (f.mobility) all.push(eb('member.mobility', '=', f.mobility));
    if (f.education) all.push(eb('member.education', '=', f.education));
    if (f.talent) all.push(eb(TALENT_COLUMNS[f.talent], '=', 1));
    if (f.joinYear) all.push(eb.between('member.joined_on', `${f.joinYear}-01-01`, `${f.joinYear}-12-31`));
    if (f.ageBand) all.push(ageBand(eb, f.ageBand, today));
    if (f.q) all.push(search(eb, ctx, f.q));
    return eb.and(all);
  };
}

const TALENT_COLUMNS = {
  industryLeader: 'member.talent_industry_leader',
  founder: 'member.talent_founder',
  keyDeptHead: 'member.talent_key_dept_head',
} as const;

function ageBand(eb: ExpressionBuilder<DB, 'member'>, band: AgeBand, today: string): Expression<SqlBool> {
  const [youngest, oldest] = AGE_BAND_BOUNDS[band];
  const parts = [eb('member.birth_date', '<=', yearsBefore(today, youngest))];
  if (oldest !== null) parts.push(eb('member.birth_date', '>', yearsBefore(today, oldest + 1)));
  return eb.and(parts);
}

/**
 * One search box: an ID number finds its holder through the blind index, a mobile number likewise, Latin
 * letters match the pinyin or its initials from the start ("zs" finds 张三), anything else the name.
 */
function search(eb: ExpressionBuilder<DB, 'member'>, deps: Deps, q: string): Expression<SqlBool> {
  const id = parseIdNumber(q);
  if (id.ok) return eb('member.id_number_index', '=', idNumberIndex(deps.crypto, id.facts.number));
  const mobile = /^\+?\d[\d\s-]{9,}$/.test(q) ? normaliseMobile(q) : null;
  if (mobile) return eb('member.phone_index', '=', phoneIndex(deps.crypto, mobile));
  const latin = q.toLowerCase().replace(/\s+/g, '');
  if (/^[a-z]+$/.test(latin))
    return eb.or([startsWith(eb, 'member.name_initials', latin), startsWith(eb, 'member.name_pinyin', latin)]);
  // Names match from the start (people search by surname first), which an index can answer.
  return deps.database.dialect === 'sqlite' ? startsWith(eb, 'member.name', q) : like('member.name', q, 'prefix');
}

/**
 * `column` starts with `text`, as a range an index walks: [text, text + U+FFFF). Used for lower-case pinyin on
 * both engines, and for names on SQLite, whose binary collation orders by code point.
 */
function startsWith(
  eb: ExpressionBuilder<DB, 'member'>,
  column: 'member.name' | 'member.name_pinyin' | 'member.name_initials',
  text: string,
) {
  return eb.and([eb(column, '>=', text), eb(column, '<', `${text}\uffff`)]);
}
