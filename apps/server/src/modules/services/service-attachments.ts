import type { Db, Trx } from '../../platform/db/connect.js';
import { invalid } from '../../platform/http/errors.js';

/** Attaches uploaded files to one entry of a request's thread (the shared attachment store lands with the meetings work). */
export async function attachToEntry(
  _trx: Trx,
  p: { requestOrgId: string; entryId: string; userId: string; ids: readonly string[]; at: string },
): Promise<void> {
  if (p.ids.length > 0) throw invalid('attachmentIds', '附件功能暂未开放');
}

/** The files of each thread entry. */
export async function entryAttachments(
  _db: Db | Trx,
  _entryIds: readonly string[],
): Promise<Map<string, { id: string; name: string; size: number; contentType: string }[]>> {
  return new Map();
}
