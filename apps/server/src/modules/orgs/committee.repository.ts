import type { Db, Trx } from '../../platform/db/connect.js';
import { prepared } from '../../platform/db/prepared.js';

const committeeRows = prepared((db, v: { orgId: string }) =>
  db
    .selectFrom('org_committee')
    .leftJoin('committee_member', 'committee_member.committee_id', 'org_committee.id')
    .select([
      'org_committee.id',
      'org_committee.term_start',
      'org_committee.term_end',
      'org_committee.elected_on',
      'committee_member.name',
      'committee_member.duty',
      'committee_member.user_id',
    ])
    .where('org_committee.org_id', '=', v.orgId)
    .where('org_committee.superseded_at', 'is', null)
    .orderBy('committee_member.position'),
);

/** The current branch committee (the one not superseded), with its members in order: one query. */
export async function loadCommittee(db: Db | Trx, orgId: string) {
  const rows = await committeeRows(db, { orgId });
  const first = rows[0];
  if (!first) return null;
  return {
    id: first.id,
    termStart: first.term_start,
    termEnd: first.term_end,
    electedOn: first.elected_on,
    members: rows.filter((r) => r.name !== null).map((r) => ({ name: r.name!, duty: r.duty!, userId: r.user_id })),
  };
}
