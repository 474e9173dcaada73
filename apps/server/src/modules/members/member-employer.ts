import type { Access } from '../../access/access.js';
import type { Trx } from '../../platform/db/connect.js';
import { invalid } from '../../platform/http/errors.js';
import { findActiveEnterprisesByName, findVisibleEnterprise } from './employer.repository.js';

export interface Employer {
  enterprise_id: string | null;
  employer_name: string | null;
}

/**
 * A member's employer (issue #3): an enterprise of the registry or free text. With `enterpriseId` the enterprise
 * must be visible to the user (the registry's one scope rule) and not archived, and its registry name becomes
 * the stored `employer_name` (so lists, exports and the health check read one column as before). Without it
 * the typed name is kept and the link is cleared. `keep` is the link the record already has: an edit that
 * leaves it unchanged is not re-checked, so a record whose enterprise was archived later, or lies outside this
 * editor's registry scope, can still be edited (its stored name is kept).
 */
export async function resolveEmployer(
  trx: Trx,
  access: Access,
  input: { enterpriseId: string | null; employerName: string | null },
  today: string,
  keep?: Employer,
): Promise<Employer> {
  const id = input.enterpriseId;
  if (!id) return { enterprise_id: null, employer_name: input.employerName };
  if (keep && keep.enterprise_id === id) return keep;
  const row = await findVisibleEnterprise(trx, access, id, today);
  // Invisible and missing read alike: the message must not tell whether such an enterprise exists.
  if (!row) throw invalid('enterpriseId', '工作单位：所选企业不在您可查看的企业名录中，请重新选择或按文字填写');
  if (row.archived) throw invalid('enterpriseId', `工作单位：「${row.name}」已从企业名录归档，不能再选作工作单位`);
  return { enterprise_id: row.id, employer_name: row.name };
}

/**
 * Import (issue #3): a 工作单位 cell links the one visible, active enterprise whose registry name is exactly the
 * cell's text; no match or several matches keep the text as free text (never an error in the report: the
 * column was free text before the registry existed and stays valid as such). Names are looked up in chunks.
 */
export async function enterprisesByExactName(
  trx: Trx,
  access: Access,
  names: readonly string[],
  today: string,
): Promise<Map<string, string>> {
  const wanted = [...new Set(names)];
  const hits = await findActiveEnterprisesByName(trx, access, wanted, today);
  const unique = new Map<string, string>();
  for (const [name, ids] of hits) if (ids.length === 1) unique.set(name, ids[0]!);
  return unique;
}
