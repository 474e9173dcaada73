import type { FastifyReply } from 'fastify';
import type { Ctx } from '../../context.js';
import { fileExists, readStream } from '../../platform/files/store.js';
import { notFound } from '../../platform/http/errors.js';
import { findAttachment } from './attachment.repository.js';
import { attachmentUse } from './attachment-uses.js';
import { FILE_TYPES, type FileType } from './file-types.js';

/**
 * An RFC 6266 Content-Disposition: `attachment`, an ASCII fallback name for old clients and the real name in
 * RFC 5987 form (filename*=UTF-8''…).
 */
export function contentDisposition(name: string): string {
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  const dot = name.lastIndexOf('.');
  const fallback = `attachment${dot >= 0 ? name.slice(dot).replace(/[^A-Za-z0-9.]/g, '') : ''}`;
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/**
 * GET /api/attachments/:id: a pending upload only to its uploader; a claimed one to whoever the owning
 * feature lets read its owner, audited where the use says its files are personal records. Sent as a download
 * of the type recognised at upload, never sniffed.
 */
export async function downloadAttachment(ctx: Ctx, reply: FastifyReply, id: string) {
  const userId = ctx.access.user!.id;
  // The bytes may be missing (a restore without the files directory): say so rather than fail mid-stream.
  const mustExist = async (storageName: string) => {
    if (!(await fileExists(ctx.config.dataDir, storageName))) throw notFound('附件文件');
  };
  const row = await ctx.db.transaction().execute(async (trx) => {
    const a = await findAttachment(trx, id);
    if (!a) throw notFound('附件');
    if (a.owner_id === null) {
      if (a.uploaded_by !== userId) throw notFound('附件');
      await mustExist(a.storage_name);
      return a;
    }
    const use = attachmentUse(a.owner_kind);
    if (!use) throw notFound('附件');
    await use.authorizeRead(trx, ctx.access.in(trx), a.owner_id);
    await mustExist(a.storage_name);
    if (use.auditDownloads) {
      await ctx.audit.record(trx, ctx.actor, {
        type: 'attachment.download',
        orgId: a.org_id,
        objectType: 'attachment',
        objectId: a.id,
        detail: { use: use.kind, ownerId: a.owner_id, fileName: a.file_name },
      });
    }
    return a;
  });
  const type = FILE_TYPES[row.file_type as FileType];
  return reply
    .header('content-disposition', contentDisposition(row.file_name))
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; sandbox")
    .header('cache-control', 'private, no-store')
    .header('content-length', String(row.size_bytes))
    .type(type?.mediaType ?? 'application/octet-stream')
    .send(readStream(ctx.config.dataDir, row.storage_name));
}
