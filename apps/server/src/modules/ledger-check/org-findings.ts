import { MEMBER_ORG_KINDS, ORG_RULES, orgFinding, orgWarnings } from '@tongxin/contracts';
import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { DB } from '../../platform/db/types.js';
import type { Deps } from '../../platform/deps.js';
import type { FindingCollector } from './findings.js';

export type OrgWhere = (eb: ExpressionBuilder<DB, 'org'>) => Expression<SqlBool>;

/**
 * The set-up rules of every active branch, joint branch and general branch the conditions select, through the
 * same `orgWarnings` the org page shows (so the two never disagree). One query: each org with its full members
 * and the size of its current committee. Term reminders are left to the org pages; this reports the set-up.
 */
export async function checkOrgs(deps: Deps, where: OrgWhere, today: string, found: FindingCollector): Promise<number> {
  const rows = await deps.db
    .selectFrom('org')
    .select((eb) => [
      'org.id',
      'org.name',
      'org.kind',
      eb
        .selectFrom('member')
        .select((c) => c.fn.countAll<number | string>().as('n'))
        .whereRef('member.org_id', '=', 'org.id')
        .where('member.status', '=', 'full')
        .where('member.archived_at', 'is', null)
        .as('full_members'),
      eb
        .selectFrom('org_committee')
        .innerJoin('committee_member', 'committee_member.committee_id', 'org_committee.id')
        .select((c) => c.fn.countAll<number | string>().as('n'))
        .whereRef('org_committee.org_id', '=', 'org.id')
        .where('org_committee.superseded_at', 'is', null)
        .as('committee_size'),
    ])
    .where('org.status', '=', 'active')
    .where('org.kind', 'in', MEMBER_ORG_KINDS)
    .where(where)
    .execute();
  for (const r of rows) {
    const warnings = orgWarnings(
      {
        kind: r.kind,
        fullMembers: Number(r.full_members ?? 0),
        committeeSize: Number(r.committee_size ?? 0),
        termEnd: null,
        today,
      },
      ORG_RULES,
    );
    for (const w of warnings) {
      const draft = orgFinding(w);
      if (draft) found.add(draft, { type: 'org', id: r.id, name: r.name, kind: r.kind });
    }
  }
  return rows.length;
}
