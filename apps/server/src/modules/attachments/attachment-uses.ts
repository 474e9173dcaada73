import type { Access } from '../../access/access.js';
import type { Trx } from '../../platform/db/connect.js';
import type { FileType } from './file-types.js';

/**
 * One use of the attachment store (meeting records, notices …), declared by the feature that owns it: which
 * types and sizes it takes, who may upload for an org, and who may read an owner's files. Downloads are
 * authorized by the owning feature's own scope, never by the store.
 */
export interface AttachmentUse {
  /** Stored as attachment.owner_kind, e.g. 'meeting'. */
  kind: string;
  types: readonly FileType[];
  /** Per file, in bytes. */
  maxBytes: number;
  /** Throws (403/404, as access.authorize does) unless the user may attach files to this org's records. */
  authorizeUpload(access: Access, orgId: string): Promise<void>;
  /**
   * Files holding personal records (a development file's 政审报告, 谈话记录…): each download is a sensitive read,
   * audited in the download's transaction. Meeting photos and notice attachments are not.
   */
  auditDownloads?: boolean;
  /** Throws notFound unless the user may read this owner's files. Runs inside the download's transaction. */
  authorizeRead(trx: Trx, access: Access, ownerId: string): Promise<void>;
}

const uses = new Map<string, AttachmentUse>();

/** Called once by a feature at module load. */
export function defineAttachmentUse(use: AttachmentUse): AttachmentUse {
  const existing = uses.get(use.kind);
  if (existing && existing !== use) throw new Error(`attachment use ${use.kind} defined twice`);
  uses.set(use.kind, use);
  return use;
}

export function attachmentUse(kind: string): AttachmentUse | undefined {
  return uses.get(kind);
}

/** The largest size any use allows: the multipart parser's limit (each use checks its own after). */
export function largestUpload(): number {
  let max = 1024 * 1024;
  for (const u of uses.values()) max = Math.max(max, u.maxBytes);
  return max;
}

export const MB = 1024 * 1024;
