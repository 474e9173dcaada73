import { EDUCATIONS, idNumberCheckChar, maskIdNumber, maskPhone, ORG_RULES, termEnd } from '@tongxin/contracts';
import type SQLite from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import { ID_NUMBER_INDEX, PHONE_INDEX } from '../../apps/server/src/modules/members/member.repository.js';
import type { CryptoProvider } from '../../apps/server/src/platform/crypto/provider.js';
import { personName } from './names.js';
import type { PlannedOrg } from './tree.js';

export interface WriteCounts {
  orgs: number;
  closure: number;
  members: number;
  committees: number;
  committeeMembers: number;
}

type Row = unknown[];

const DUTIES = ['secretary', 'organisation', 'publicity', 'discipline', 'member'] as const;
const FLUSH_EVERY = 5_000;

/**
 * Buffers rows and writes them in big transactions through prepared statements on the raw better-sqlite3
 * handle (the one openDeps opened and migrated, so pragmas and schema are the server's own).
 */
export function bulkWriter(
  sqlite: SQLite.Database,
  crypto: CryptoProvider,
  rand: () => number,
  membersPerBranch: number,
  now: Date,
) {
  const at = now.toISOString();
  const today = at.slice(0, 10);
  const insert = {
    org: sqlite.prepare(
      `INSERT INTO org (id, parent_id, name, name_pinyin, name_initials, kind, level, status, founded_on, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, 'active', ?, ?)`,
    ),
    closure: sqlite.prepare('INSERT INTO org_closure (ancestor_id, descendant_id, depth) VALUES (?, ?, ?)'),
    member: sqlite.prepare(
      `INSERT INTO member (id, org_id, name, name_pinyin, name_initials, status, joined_on, full_on, created_at, updated_at,
         gender, ethnicity, birth_date, education, mobility, id_number_enc, id_number_index, id_number_masked,
         phone_enc, phone_index, phone_masked)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '汉族', ?, ?, 'regular', ?, ?, ?, ?, ?, ?)`,
    ),
    committee: sqlite.prepare(
      `INSERT INTO org_committee (id, org_id, term_start, term_end, elected_on, created_at) VALUES (?, ?, ?, ?, ?, ?)`,
    ),
    committeeMember: sqlite.prepare(
      'INSERT INTO committee_member (id, committee_id, name, duty, user_id, position) VALUES (?, ?, ?, ?, NULL, ?)',
    ),
  };
  const buffers: Record<keyof typeof insert, Row[]> = { org: [], closure: [], member: [], committee: [], committeeMember: [] };
  const counts: WriteCounts = { orgs: 0, closure: 0, members: 0, committees: 0, committeeMembers: 0 };
  const flushAll = sqlite.transaction(() => {
    for (const key of Object.keys(insert) as (keyof typeof insert)[]) {
      const stmt = insert[key];
      for (const row of buffers[key]) stmt.run(row);
      buffers[key] = [];
    }
  });
  const date = (from: number, span: number) => {
    const y = from + Math.floor(rand() * span);
    return `${y}-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`;
  };

  let serial = 0;
  function addMembersAndCommittee(orgId: string): boolean {
    for (let i = 0; i < membersPerBranch; i += 1) {
      const p = personName(rand);
      const birth = date(1960, 44);
      const joined = `${Number(birth.slice(0, 4)) + 18 + Math.floor(rand() * 4)}${birth.slice(4)}`;
      const probationary = rand() < 0.05;
      const gender = rand() < 0.58 ? 'male' : 'female';
      // Distinct, valid ID numbers: a serial in the area code and sequence digits keeps them unique.
      serial += 1;
      const first17 = `${String(110000 + Math.floor(serial / 500)).slice(0, 6)}${birth.replaceAll('-', '')}${String(((serial % 500) * 2 + (gender === 'male' ? 1 : 0)) % 1000).padStart(3, '0')}`;
      const idNumber = first17 + idNumberCheckChar(first17);
      const phone = `13${String(100_000_000 + serial).slice(-9)}`;
      buffers.member.push([
        uuidv7(),
        orgId,
        p.name,
        p.pinyin,
        p.initials,
        probationary ? 'probationary' : 'full',
        joined,
        probationary ? null : `${Number(joined.slice(0, 4)) + 1}${joined.slice(4)}`,
        at,
        at,
        gender,
        birth,
        EDUCATIONS[Math.floor(rand() * 4)],
        crypto.encrypt(idNumber),
        crypto.blindIndex(ID_NUMBER_INDEX, idNumber),
        maskIdNumber(idNumber),
        crypto.encrypt(phone),
        crypto.blindIndex(PHONE_INDEX, phone),
        maskPhone(phone),
      ]);
    }
    counts.members += membersPerBranch;
    if (rand() >= 0.4) return false;
    // Terms spread over the last 3.2 years: some end soon, a few have run out (as the term reminders expect).
    const start = new Date(Date.parse(`${today}T00:00:00Z`) - Math.round(rand() * 3.2 * 365) * 86_400_000)
      .toISOString()
      .slice(0, 10);
    const committeeId = uuidv7();
    buffers.committee.push([committeeId, orgId, start, termEnd(start, ORG_RULES.termYears), start, at]);
    const size = 3 + Math.floor(rand() * 3);
    for (let i = 0; i < size; i += 1) {
      buffers.committeeMember.push([uuidv7(), committeeId, personName(rand).name, DUTIES[i] ?? 'member', i]);
    }
    counts.committees += 1;
    counts.committeeMembers += size;
    return true;
  }

  return {
    counts,
    /** Adds one org with its closure rows; branches get members and (some) a committee. Returns whether it got one. */
    add(org: PlannedOrg): boolean {
      const { id, named } = org;
      buffers.org.push([id, org.parentId, named.name, named.pinyin, named.initials, org.kind, org.level, date(2010, 15), at]);
      const depth = org.ancestors.length;
      buffers.closure.push([id, id, 0]);
      for (let i = 0; i < depth; i += 1) buffers.closure.push([org.ancestors[i], id, depth - i]);
      counts.orgs += 1;
      counts.closure += depth + 1;
      const isBranch = org.kind === 'branch' || org.kind === 'joint_branch';
      const hasCommittee = isBranch && membersPerBranch > 0 ? addMembersAndCommittee(id) : false;
      if (buffers.org.length >= FLUSH_EVERY) flushAll();
      return hasCommittee;
    },
    flush: () => flushAll(),
  };
}
