import type { AttachmentInfo } from '@tongxin/contracts';
import { v7 as uuidv7 } from 'uuid';
import type { Ctx } from '../../context.js';
import { removeStored, storeBytes } from '../../platform/files/store.js';
import { AppError, conflict, invalid } from '../../platform/http/errors.js';
import type { ReceiveUpload } from '../../platform/http/multipart.js';
import { insertAttachment, MAX_PENDING_PER_USER, pendingCount, purgeExpiredPending, toInfo } from './attachment.repository.js';
import { attachmentUse, MB } from './attachment-uses.js';
import { checkExtensionMatches, checkFileName } from './file-name.js';
import { FILE_TYPES, FileRefused, recognise } from './file-types.js';
import { scanBytes } from './scan-attachment.js';

const sizeLabel = (bytes: number) => (bytes >= MB ? `${Math.round(bytes / MB)} MB` : `${Math.round(bytes / 1024)} KB`);

const refuse = (status: number, message: string) =>
  new AppError(status, 'validation_failed', message, [{ path: 'file', message }]);

/**
 * POST /api/attachments?use=&orgId=: one file from a multipart upload, read into memory up to the use's size
 * limit, recognised by its bytes (IN-06), stored under a random name and recorded as pending. The feature's
 * save claims it (setOwnerAttachments); unclaimed uploads are purged after a day.
 */
export async function uploadAttachment(
  ctx: Ctx,
  query: { use: string; orgId: string },
  receive: ReceiveUpload,
): Promise<AttachmentInfo> {
  const use = attachmentUse(query.use);
  if (!use) throw invalid('use', '附件用途不正确');
  const access = ctx.access;
  await use.authorizeUpload(access, query.orgId);
  const userId = access.user!.id;

  const upload = await receive({
    maxBytes: use.maxBytes,
    tooLarge: `文件超过 ${sizeLabel(use.maxBytes)}，请压缩后再上传`,
    notAForm: '请以表单文件的方式上传',
  });
  const fileName = checkFileName(upload.fileName, use.types);
  const bytes = upload.bytes;
  if (bytes.length === 0) throw refuse(400, '文件是空的，请检查后重新上传');
  let type: Awaited<ReturnType<typeof recognise>>;
  try {
    type = await recognise(bytes, use.types);
  } catch (err) {
    if (err instanceof FileRefused) throw refuse(400, err.message);
    throw err;
  }
  checkExtensionMatches(fileName, type);
  await scanOrRefuse(ctx, query.orgId, use.kind, fileName, bytes);
  if ((await pendingCount(ctx.db, userId)) >= MAX_PENDING_PER_USER) {
    throw conflict('您上传但尚未保存的附件过多，请先保存正在填写的记录');
  }

  const now = ctx.clock.now();
  const sm3 = ctx.crypto.sm3(bytes);
  const storageName = await storeBytes(ctx.config.dataDir, bytes);
  const row = {
    id: uuidv7(),
    owner_kind: use.kind,
    owner_id: null,
    org_id: query.orgId,
    file_name: fileName,
    file_type: type,
    media_type: FILE_TYPES[type].mediaType,
    size_bytes: bytes.length,
    sm3,
    storage_name: storageName,
    uploaded_by: userId,
    uploaded_at: now.toISOString(),
    attached_at: null,
  };
  let purged: string[] = [];
  try {
    await ctx.db.transaction().execute(async (trx) => {
      purged = await purgeExpiredPending(trx, now);
      await insertAttachment(trx, row);
      await ctx.audit.record(trx, ctx.actor, {
        type: 'attachment.upload',
        orgId: query.orgId,
        objectType: 'attachment',
        objectId: row.id,
        detail: { use: use.kind, fileType: type, sizeBytes: bytes.length, sm3 },
      });
    });
  } catch (err) {
    await removeStored(ctx.config.dataDir, [storageName]);
    throw err;
  }
  await removeStored(ctx.config.dataDir, purged);
  return toInfo(row);
}

/** Runs the configured scanner (if any) before anything is stored; an infected file is refused and audited. */
async function scanOrRefuse(ctx: Ctx, orgId: string, use: string, fileName: string, bytes: Buffer): Promise<void> {
  const command = ctx.config.attachmentScanCommand;
  if (!command) return;
  const verdict = await scanBytes(command, bytes, ctx.config.attachmentScanTimeoutMs);
  if (verdict.kind === 'clean') return;
  if (verdict.kind === 'unavailable') {
    ctx.log.error({ reason: verdict.reason, use }, 'attachment scan unavailable');
    throw refuse(503, '暂时无法检查文件安全，请稍后重试');
  }
  // Its own transaction: the upload itself fails, but the refusal stays on record.
  await ctx.db.transaction().execute((trx) =>
    ctx.audit.record(trx, ctx.actor, {
      type: 'attachment.refused',
      result: 'denied',
      orgId,
      objectType: 'attachment',
      objectId: null,
      detail: { use, fileName, sizeBytes: bytes.length, sm3: ctx.crypto.sm3(bytes), reason: 'scan_infected' },
    }),
  );
  throw refuse(422, `文件“${fileName}”未通过安全检查（疑似含有病毒或恶意代码），已拒绝上传`);
}
