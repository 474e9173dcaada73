import { LEDGER_CHECK_KIND_SEVERITY } from '@tongxin/contracts';
import type { Deps } from '../../platform/deps.js';
import type { FindingCollector } from './findings.js';
import { type DuplicateCandidate, findDuplicateCandidates, type MemberWhere } from './ledger-check.repository.js';

type Candidate = DuplicateCandidate;

/** How many of the others a message names (the rest are counted). */
const NAMED = 3;

/**
 * Possible duplicate records among the active records the conditions select: the same name and birth date
 * (with different ID numbers: one person entered twice, once with a typo), and, defensively, the same ID
 * number's blind index twice (the unique index forbids it today; a restore or a migration could bring it back).
 * One query: window counts pick the records that share either key, in the user's scope only.
 */
export async function checkDuplicates(deps: Deps, where: MemberWhere, found: FindingCollector): Promise<void> {
  const rows = await findDuplicateCandidates(deps.db, where);

  const byPerson = groupBy(rows, (r) => (r.same_person > 1 && r.birth_date ? `${r.name}\u0000${r.birth_date}` : null));
  const byId = groupBy(rows, (r) => (r.same_id > 1 ? r.id_number_index : null));
  for (const r of rows) {
    const messages: string[] = [];
    const samePerson = others(byPerson, `${r.name}\u0000${r.birth_date}`, r.id);
    if (samePerson.length) {
      messages.push(`与${describe(samePerson, true)}姓名、出生日期（${r.birth_date}）相同而身份证号不同，可能是同一人重复建档`);
    }
    const sameId = r.id_number_index ? others(byId, r.id_number_index, r.id) : [];
    if (sameId.length) messages.push(`与${describe(sameId, false)}身份证号相同，同一人有多份在册档案`);
    if (!messages.length) continue;
    messages.push('请核对身份证和档案，保留正确的一份，将多余的档案归档');
    found.add(
      { kind: 'duplicate', severity: LEDGER_CHECK_KIND_SEVERITY.duplicate, message: `${messages.join('；')}。` },
      { type: 'member', id: r.id, name: r.name, orgId: r.org_id, orgName: r.org_name, idNumberMasked: r.id_number_masked },
    );
  }
}

function groupBy(rows: Candidate[], key: (r: Candidate) => string | null): Map<string, Candidate[]> {
  const groups = new Map<string, Candidate[]>();
  for (const r of rows) {
    const k = key(r);
    if (k === null) continue;
    const list = groups.get(k) ?? [];
    list.push(r);
    groups.set(k, list);
  }
  return groups;
}

const others = (groups: Map<string, Candidate[]>, key: string, self: string) =>
  (groups.get(key) ?? []).filter((c) => c.id !== self);

/** 「甲一科技有限公司党支部」的「张三」（身份证号 510***********1234）… and N more. */
function describe(list: Candidate[], withIdNumber: boolean): string {
  const named = list
    .slice(0, NAMED)
    .map(
      (c) => `「${c.org_name}」的「${c.name}」${withIdNumber && c.id_number_masked ? `（身份证号 ${c.id_number_masked}）` : ''}`,
    )
    .join('、');
  return list.length > NAMED ? `${named}等${list.length}人` : named;
}
