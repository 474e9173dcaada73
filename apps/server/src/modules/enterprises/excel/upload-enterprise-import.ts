import { v7 as uuidv7 } from 'uuid';
import type { Ctx } from '../../../context.js';
import { insertImport, purgeExpired, runningImport } from '../../../platform/excel/import-jobs.js';
import { receiveXlsx } from '../../../platform/excel/upload.js';
import { conflict } from '../../../platform/http/errors.js';
import type { ReceiveUpload } from '../../../platform/http/multipart.js';
import { validateEnterpriseImport } from './validate-enterprise-import.js';

/**
 * POST /api/enterprises/import: takes one .xlsx into memory, checks it is really an .xlsx within the zip-bomb
 * limits, records the import and starts the validation in the background (one at a time per user). Answers at
 * once with the import's id; GET /api/enterprises/import/:id reports progress.
 */
export async function uploadEnterpriseImport(ctx: Ctx, receive: ReceiveUpload, track: (job: Promise<void>) => void) {
  const access = ctx.access;
  access.requireAnywhere('enterprise.manage');
  const now = ctx.clock.now();
  const { fileName, file, pkg } = await receiveXlsx(receive, '企业名录.xlsx');
  const userId = access.user!.id;
  await purgeExpired(ctx.db, now);
  if (await runningImport(ctx.db, userId, now)) throw conflict('您上传的上一个文件还在校验中，请等它完成后再上传');
  const id = uuidv7();
  await insertImport(ctx.db, { id, kind: 'enterprise', userId, fileName, fileHash: ctx.crypto.sm3(file), now });
  track(validateEnterpriseImport(ctx, id, pkg));
  return { id };
}
