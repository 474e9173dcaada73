import type { AttachmentInfo } from '@tongxin/contracts';
import type { Db, Trx } from '../../platform/db/connect.js';
import type { AttachmentTable } from '../../platform/db/types.js';
import { invalid } from '../../platform/http/errors.js';

/** An upload nobody claimed within a day is removed (with its file) at the next upload. */
export const PENDING_HOURS = 24;
/** At most this many pending uploads per user (a form holds up to 30 files). */
export const MAX_PENDING_PER_USER = 60;

export const toInfo = (
  r: Pick<AttachmentTable, 'id' | 'file_name' | 'media_type' | 'size_bytes' | 'uploaded_at'>,
): AttachmentInfo => ({
  id: r.id,
  fileName: r.file_name,
  mediaType: r.media_type,
  sizeBytes: Number(r.size_bytes),
  uploadedAt: r.uploaded_at,
});

const INFO = ['id', 'file_name', 'media_type', 'size_bytes', 'uploaded_at'] as const;

export async function insertAttachment(db: Db | Trx, row: AttachmentTable): Promise<void> {
  await db.insertInto('attachment').values(row).execute();
}

export async function findAttachment(db: Db | Trx, id: string) {
  return db.selectFrom('attachment').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function pendingCount(db: Db | Trx, userId: string): Promise<number> {
  const r = await db
    .selectFrom('attachment')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('uploaded_by', '=', userId)
    .where('owner_id', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Deletes pending uploads older than the limit (a bounded batch); returns their storage names to remove. */
export async function purgeExpiredPending(db: Db | Trx, now: Date): Promise<string[]> {
  const cutoff = new Date(now.getTime() - PENDING_HOURS * 3600_000).toISOString();
  const rows = await db
    .selectFrom('attachment')
    .select(['id', 'storage_name'])
    .where('owner_id', 'is', null)
    .where('uploaded_at', '<', cutoff)
    .limit(100)
    .execute();
  if (rows.length === 0) return [];
  await db
    .deleteFrom('attachment')
    .where(
      'id',
      'in',
      rows.map((r) => r.id),
    )
    .execute();
  return rows.map((r) => r.storage_name);
}

/** The files an owner holds, oldest first. */
export async function listAttachments(db: Db | Trx, ownerKind: string, ownerId: string): Promise<AttachmentInfo[]> {
  const rows = await db
    .selectFrom('attachment')
    .select(INFO)
    .where('owner_kind', '=', ownerKind)
    .where('owner_id', '=', ownerId)
    .orderBy('uploaded_at')
    .orderBy('id')
    .execute();
  return rows.map(toInfo);
}

/** The files of many owners at once (a list page), grouped by owner id. */
export async function listAttachmentsOf(db: Db | Trx, ownerKind: string, ownerIds: readonly string[]) {
  const byOwner = new Map<string, AttachmentInfo[]>();
  if (ownerIds.length === 0) return byOwner;
  const rows = await db
    .selectFrom('attachment')
    .select([...INFO, 'owner_id'])
    .where('owner_kind', '=', ownerKind)
    .where('owner_id', 'in', ownerIds)
    .orderBy('uploaded_at')
    .orderBy('id')
    .execute();
  for (const r of rows) {
    const list = byOwner.get(r.owner_id!) ?? [];
    list.push(toInfo(r));
    byOwner.set(r.owner_id!, list);
  }
  return byOwner;
}

/**
 * Makes an owner's files exactly `ids`, inside the owner's transaction: pending uploads of this user for this
 * use and org are claimed, files the owner already holds are kept, the owner's other files are deleted.
 * Returns the storage names of deleted files, for the caller to remove after COMMIT (removeStored).
 */
export async function setOwnerAttachments(
  trx: Trx,
  p: { ownerKind: string; ownerId: string; orgId: string; userId: string; ids: readonly string[]; now: string },
): Promise<{ removed: string[]; claimed: number }> {
  const wanted = [...new Set(p.ids)];
  const current = await trx
    .selectFrom('attachment')
    .select(['id', 'storage_name'])
    .where('owner_kind', '=', p.ownerKind)
    .where('owner_id', '=', p.ownerId)
    .execute();
  const held = new Set(current.map((r) => r.id));
  const toClaim = wanted.filter((id) => !held.has(id));
  if (toClaim.length > 0) {
    const claimable = await trx
      .selectFrom('attachment')
      .select('id')
      .where('id', 'in', toClaim)
      .where('owner_id', 'is', null)
      .where('owner_kind', '=', p.ownerKind)
      .where('org_id', '=', p.orgId)
      .where('uploaded_by', '=', p.userId)
      .execute();
    if (claimable.length !== toClaim.length) {
      throw invalid('attachmentIds', '有附件已失效或不属于本条记录，请重新上传');
    }
    await trx.updateTable('attachment').set({ owner_id: p.ownerId, attached_at: p.now }).where('id', 'in', toClaim).execute();
  }
  const dropped = current.filter((r) => !wanted.includes(r.id));
  if (dropped.length > 0) {
    await trx
      .deleteFrom('attachment')
      .where(
        'id',
        'in',
        dropped.map((r) => r.id),
      )
      .execute();
  }
  return { removed: dropped.map((r) => r.storage_name), claimed: toClaim.length };
}
