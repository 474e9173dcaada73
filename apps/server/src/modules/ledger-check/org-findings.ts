import { ORG_RULES, orgFinding, orgWarnings } from '@tongxin/contracts';
import type { Deps } from '../../platform/deps.js';
import type { FindingCollector } from './findings.js';
import { findCheckedOrgs, type OrgWhere } from './ledger-check.repository.js';

/**
 * The set-up rules of every active branch, joint branch and general branch the conditions select, through the
 * same `orgWarnings` the org page shows (so the two never disagree). One query: each org with its full members
 * and the size of its current committee. Term reminders are left to the org pages; this reports the set-up.
 */
export async function checkOrgs(deps: Deps, where: OrgWhere, today: string, found: FindingCollector): Promise<number> {
  const rows = await findCheckedOrgs(deps.db, where);
  for (const r of rows) {
    const warnings = orgWarnings(
      {
        kind: r.kind,
        fullMembers: r.fullMembers,
        committeeSize: r.committeeSize,
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
