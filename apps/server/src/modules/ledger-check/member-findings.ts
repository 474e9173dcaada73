import { LEDGER_CHECK_RULES, memberFindings } from '@tongxin/contracts';
import type { Deps } from '../../platform/deps.js';
import { storedIdNumber } from '../members/member.repository.js';
import type { FindingCollector } from './findings.js';
import { findMemberBatch, type MemberWhere } from './ledger-check.repository.js';

/** Rows read per query: enough to keep the query count low, few enough to keep memory flat on a city's ledger. */
export const MEMBER_BATCH = 1000;

/**
 * Checks every record the conditions select, one keyset batch at a time (by id, so a batch costs the same at
 * the end of a large subtree as at its start). The sealed ID number is decrypted here only to be checked: the
 * plaintext goes no further than `memberFindings` and is never returned or logged. Returns the records read.
 */
export async function checkMembers(deps: Deps, where: MemberWhere, today: string, found: FindingCollector): Promise<number> {
  let after: string | null = null;
  let checked = 0;
  for (;;) {
    const rows = await findMemberBatch(deps.db, where, after, MEMBER_BATCH);
    for (const r of rows) {
      const subject = {
        type: 'member' as const,
        id: r.id,
        name: r.name,
        orgId: r.org_id,
        orgName: r.org_name,
        idNumberMasked: r.id_number_masked,
      };
      const idNumber = readIdNumber(deps, r);
      const drafts = memberFindings(
        {
          idNumber: idNumber === UNREADABLE ? null : idNumber,
          idNumberUnreadable: idNumber === UNREADABLE,
          idNumberMasked: r.id_number_masked,
          birthDate: r.birth_date,
          gender: r.gender,
          ethnicity: r.ethnicity,
          education: r.education,
          hasPhone: r.phone_enc !== null,
          joinedOn: r.joined_on,
          fullOn: r.full_on,
          status: r.status,
          probationEndsOn: r.probation_ends_on,
        },
        today,
        LEDGER_CHECK_RULES,
      );
      for (const d of drafts) found.add(d, subject);
    }
    checked += rows.length;
    if (rows.length < MEMBER_BATCH) return checked;
    after = rows[rows.length - 1]!.id;
  }
}

const UNREADABLE = Symbol('unreadable');

/** The stored number, or UNREADABLE when its seal does not verify (the check reports it instead of failing). */
function readIdNumber(deps: Deps, r: { id_number_enc: string | null }): string | null | typeof UNREADABLE {
  try {
    return storedIdNumber(deps.crypto, r);
  } catch {
    return UNREADABLE;
  }
}
