import type { Trx } from '../../../platform/db/connect.js';

/**
 * The enterprise import's own writes to the shared import table (platform/excel/import-jobs holds the rest).
 * Claiming first makes a second confirm (even a concurrent one) find nothing to claim.
 */
export async function claimEnterpriseImport(trx: Trx, id: string, at: string): Promise<boolean> {
  const claimed = await trx
    .updateTable('member_import')
    .set({ status: 'imported', imported_at: at })
    .where('id', '=', id)
    .where('kind', '=', 'enterprise')
    .where('status', '=', 'ready')
    .where('error_rows', '=', 0)
    .executeTakeFirst();
  return Number(claimed.numUpdatedRows) === 1;
}

export async function recordImportedCount(trx: Trx, id: string, count: number): Promise<void> {
  await trx.updateTable('member_import').set({ imported_count: count }).where('id', '=', id).execute();
}
