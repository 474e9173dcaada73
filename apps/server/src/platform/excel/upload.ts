import { MEMBER_IMPORT_LIMITS } from '@tongxin/contracts';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../http/errors.js';
import { inspectXlsx, type XlsxPackage } from './xlsx-package.js';

const refuse = (status: number, message: string) =>
  new AppError(status, 'validation_failed', message, [{ path: 'file', message }]);
const MB = MEMBER_IMPORT_LIMITS.maxFileBytes / 1024 / 1024;

/**
 * IN-06: a file name is only a label (nothing is stored under it), but one that carries a path, a control
 * character or another extension is refused rather than silently cut down.
 */
export function checkFileName(raw: string, example = '党员名册.xlsx'): string {
  const name = raw.normalize('NFC').trim();
  if (
    !name ||
    name.length > 120 ||
    /[/\\\p{Cc}]/u.test(name) ||
    name.split('.').slice(0, -1).join('.') === '' ||
    name.includes('..')
  ) {
    throw refuse(400, `文件名不合法，请重命名为「${example}」之类的名称后重新上传`);
  }
  if (!/\.xlsx$/i.test(name)) throw refuse(400, '只接受 Excel 工作簿（.xlsx）文件，请另存为 .xlsx 后上传');
  return name;
}

/**
 * Takes one .xlsx from a multipart upload into memory (never to disk) and checks that it is really an .xlsx
 * within the zip-bomb limits (the route's plugin registers @fastify/multipart with the same limits).
 */
export async function receiveXlsx(
  request: FastifyRequest,
  example?: string,
): Promise<{ fileName: string; file: Buffer; pkg: XlsxPackage }> {
  let file: Buffer;
  let fileName: string;
  try {
    const part = await request.file({
      limits: { fileSize: MEMBER_IMPORT_LIMITS.maxFileBytes, files: 1, fields: 5, parts: 6, fieldSize: 1024 },
      preservePath: true,
      throwFileSizeLimit: true,
    });
    if (!part) throw refuse(400, '请选择要上传的 Excel 文件');
    fileName = checkFileName(part.filename, example);
    file = await part.toBuffer();
  } catch (err) {
    if (err instanceof AppError) throw err;
    const code = (err as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw refuse(413, `文件超过 ${MB} MB，请分成几个文件上传`);
    if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') throw refuse(415, '请以表单文件的方式上传 .xlsx 文件');
    if (code === 'FST_FILES_LIMIT') throw refuse(400, '一次只能上传一个文件');
    throw refuse(400, '文件上传不完整，请重新上传');
  }
  if (file.length === 0) throw refuse(400, '文件是空的，请检查后重新上传');
  return { fileName, file, pkg: await inspectXlsx(file) };
}
