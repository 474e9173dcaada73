import type { Db, Trx } from '../../platform/db/connect.js';

/** The current branch committee (the one not superseded), with its members in order. */
export async function loadCommittee(db: Db | Trx, orgId: string) {
  const committee = await db
    .selectFrom('org_committee')
    .select(['id', 'term_start', 'term_end', 'elected_on'])
    .where('org_id', '=', orgId)
    .where('superseded_at', 'is', null)
    .executeTakeFirst();
  if (!committee) return null;
  const members = await db
    .selectFrom('committee_member')
    .select(['name', 'duty', 'user_id'])
    .where('committee_id', '=', committee.id)
    .orderBy('position')
    .execute();
  return {
    id: committee.id,
    termStart: committee.term_start,
    termEnd: committee.term_end,
    electedOn: committee.elected_on,
    members: members.map((m) => ({ name: m.name, duty: m.duty, userId: m.user_id })),
  };
}
