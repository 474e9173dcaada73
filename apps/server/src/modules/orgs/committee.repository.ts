import type { CommitteeDuty } from '@tongxin/contracts';
import { v7 as uuidv7 } from 'uuid';
import type { Access } from '../../access/access.js';
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

export async function supersedeCommittee(trx: Trx, committeeId: string, at: string): Promise<void> {
  await trx.updateTable('org_committee').set({ superseded_at: at }).where('id', '=', committeeId).execute();
}

/** Inserts a committee and its members in order. */
export async function insertCommittee(
  trx: Trx,
  c: {
    id: string;
    orgId: string;
    termStart: string;
    termEnd: string;
    electedOn: string | null;
    createdAt: string;
    members: { name: string; duty: CommitteeDuty; userId: string | null }[];
  },
): Promise<void> {
  await trx
    .insertInto('org_committee')
    .values({
      id: c.id,
      org_id: c.orgId,
      term_start: c.termStart,
      term_end: c.termEnd,
      elected_on: c.electedOn,
      created_at: c.createdAt,
      superseded_at: null,
    })
    .execute();
  if (c.members.length === 0) return;
  await trx
    .insertInto('committee_member')
    .values(
      c.members.map((m, position) => ({
        id: uuidv7(),
        committee_id: c.id,
        name: m.name,
        duty: m.duty,
        user_id: m.userId,
        position,
      })),
    )
    .execute();
}

/**
 * Current committees in the user's `committee.manage` scope whose term ends on or before `until`, soonest
 * first. `access` must be bound to `db`.
 */
export async function findTermsEndingBy(db: Db | Trx, access: Access, until: string, limit: number) {
  const rows = await db
    .selectFrom('org_committee')
    .innerJoin('org', 'org.id', 'org_committee.org_id')
    .select(['org.id', 'org.name', 'org_committee.term_end'])
    .where('org_committee.superseded_at', 'is', null)
    .where('org.status', '=', 'active')
    .where('org_committee.term_end', '<=', until)
    .where(access.scope('committee.manage', 'org.id'))
    .orderBy('org_committee.term_end')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ orgId: r.id, orgName: r.name, termEnd: r.term_end }));
}
