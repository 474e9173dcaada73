import type { AppraisalSummary } from '@tongxin/contracts';
import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { Db, Trx } from '../../platform/db/connect.js';
import type { DB } from '../../platform/db/types.js';
import { type Appraisal, toAppraisal } from './appraisal.repository.js';

// Lists of appraisals and the counts their summaries show.

export interface EntryCounts {
  participants: number;
  full: number;
  graded: number;
  excellent: number;
}

/** The counts a summary shows, for many appraisals at once (one grouped query). */
export async function entryCounts(db: Db | Trx, ids: readonly string[]): Promise<Map<string, EntryCounts>> {
  if (ids.length === 0) return new Map();
  const found = await db
    .selectFrom('appraisal_entry')
    .select((eb) => [
      'appraisal_id',
      eb.fn.countAll<number | string>().as('participants'),
      eb.fn.sum<number | string>(eb.case().when('member_status', '=', 'full').then(1).else(0).end()).as('full'),
      eb.fn.sum<number | string>(eb.case().when('grade', 'is not', null).then(1).else(0).end()).as('graded'),
      eb.fn.sum<number | string>(eb.case().when('grade', '=', 'excellent').then(1).else(0).end()).as('excellent'),
    ])
    .where('appraisal_id', 'in', ids)
    .groupBy('appraisal_id')
    .execute();
  return new Map(
    found.map((f) => [
      f.appraisal_id,
      {
        participants: Number(f.participants ?? 0),
        full: Number(f.full ?? 0),
        graded: Number(f.graded ?? 0),
        excellent: Number(f.excellent ?? 0),
      },
    ]),
  );
}

export interface AppraisalFilter {
  /** The caller's scope over `appraisal.org_id`. */
  scope: Expression<SqlBool>;
  orgId?: string | undefined;
  year?: number | undefined;
  status?: AppraisalSummary['status'] | undefined;
}

/** A page of appraisals, newest year first then by org pinyin, and the total. */
export async function listAppraisalPage(
  db: Db | Trx,
  f: AppraisalFilter,
  page: { limit: number; offset: number },
): Promise<{ items: Appraisal[]; total: number }> {
  const where = (eb: ExpressionBuilder<DB, 'appraisal' | 'org'>): Expression<SqlBool> => {
    const all: Expression<SqlBool>[] = [f.scope];
    if (f.orgId) all.push(eb('appraisal.org_id', '=', f.orgId));
    if (f.year) all.push(eb('appraisal.year', '=', f.year));
    if (f.status) all.push(eb('appraisal.status', '=', f.status));
    return eb.and(all);
  };
  const base = db.selectFrom('appraisal').innerJoin('org', 'org.id', 'appraisal.org_id').where(where);
  const rows = await base
    .selectAll('appraisal')
    .select('org.name as org_name')
    .orderBy('appraisal.year', 'desc')
    .orderBy('org.name_pinyin')
    .orderBy('appraisal.id')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  const counted = await base.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow();
  return { items: rows.map(toAppraisal), total: Number(counted.n) };
}

/** Open appraisals within the scope (over `appraisal.org_id`), oldest first, at most `limit`. */
export async function openAppraisals(db: Db | Trx, scope: Expression<SqlBool>, limit: number): Promise<Appraisal[]> {
  const rows = await db
    .selectFrom('appraisal')
    .innerJoin('org', 'org.id', 'appraisal.org_id')
    .selectAll('appraisal')
    .select('org.name as org_name')
    .where('appraisal.status', '=', 'open')
    .where(scope)
    .orderBy('appraisal.year')
    .orderBy('appraisal.opened_at')
    .limit(limit)
    .execute();
  return rows.map(toAppraisal);
}
