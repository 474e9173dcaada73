import type { FastifyRequest } from 'fastify';
import { v7 as uuidv7 } from 'uuid';
import type { Deps } from '../../../platform/deps.js';
import { insertImport, purgeExpired, runningImport } from '../../../platform/excel/import-jobs.js';
import { receiveXlsx } from '../../../platform/excel/upload.js';
import { conflict } from '../../../platform/http/errors.js';
import { validateImport } from './validate-import.js';

export { checkFileName } from '../../../platform/excel/upload.js';

/**
 * POST /api/members/import: takes one .xlsx from a multipart upload into memory (never to disk), checks that
 * it is really an .xlsx within the zip-bomb limits, records the import and starts the validation in the
 * background. Answers at once with the import's id; GET /api/members/import/:id reports progress.
 */
export async function uploadImport(deps: Deps, request: FastifyRequest, track: (job: Promise<void>) => void) {
  const access = request.access;
  access.requireAnywhere('member.import');
  const now = deps.clock.now();
  const { fileName, file, pkg } = await receiveXlsx(request);

  const userId = access.user!.id;
  await purgeExpired(deps.db, now);
  if (await runningImport(deps.db, userId, now)) {
    throw conflict('您上传的上一个文件还在校验中，请等它完成后再上传');
  }
  const id = uuidv7();
  await insertImport(deps.db, { id, kind: 'member', userId, fileName, fileHash: deps.crypto.sm3(file), now });
  track(validateImport(deps, access, request.auditContext(), id, pkg, request.log));
  return { id };
}
