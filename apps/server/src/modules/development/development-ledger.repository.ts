import { v7 as uuidv7 } from 'uuid';
import type { Trx } from '../../platform/db/connect.js';
import type { DevelopmentRow } from './development.repository.js';

// The ledger writes the pipeline makes: a new probationary member on admission, and 转正 on confirmation.

/** A probationary member made from a file: its sealed ID number and phone move over unchanged. */
export async function insertAdmittedMember(trx: Trx, row: DevelopmentRow, joinedOn: string, at: string): Promise<string> {
  const id = uuidv7();
  await trx
    .insertInto('member')
    .values({
      id,
      org_id: row.org_id,
      name: row.name,
      name_pinyin: row.name_pinyin,
      name_initials: row.name_initials,
      gender: row.gender,
      ethnicity: row.ethnicity,
      birth_date: row.birth_date,
      id_number_enc: row.id_number_enc,
      id_number_index: row.id_number_index,
      id_number_masked: row.id_number_masked,
      phone_enc: row.phone_enc,
      phone_index: row.phone_index,
      phone_masked: row.phone_masked,
      education: row.education,
      employer_name: row.employer_name,
      enterprise_id: null,
      position: row.position,
      joined_on: joinedOn,
      full_on: null,
      status: 'probationary',
      mobility: 'regular',
      talent_industry_leader: row.talent_industry_leader,
      talent_founder: row.talent_founder,
      talent_key_dept_head: row.talent_key_dept_head,
      remarks: null,
      created_at: at,
      updated_at: at,
      archived_at: null,
      archive_reason: null,
    })
    .execute();
  return id;
}

/** Makes a member full from a date (the member row's version moves on, as for any ledger change). */
export async function setMemberFull(
  trx: Trx,
  member: { id: string; version: number },
  set: { status: 'full'; full_on: string },
  at: string,
): Promise<void> {
  await trx
    .updateTable('member')
    .set({ ...set, updated_at: at, version: member.version + 1 })
    .where('id', '=', member.id)
    .execute();
}
