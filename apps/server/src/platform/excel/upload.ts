import { MEMBER_IMPORT_LIMITS } from '@tongxin/contracts';
import { AppError } from '../http/errors.js';
import type { ReceiveUpload } from '../http/multipart.js';
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
  receive: ReceiveUpload,
  example?: string,
): Promise<{ fileName: string; file: Buffer; pkg: XlsxPackage }> {
  const upload = await receive({
    maxBytes: MEMBER_IMPORT_LIMITS.maxFileBytes,
    tooLarge: `文件超过 ${MB} MB，请分成几个文件上传`,
    notAForm: '请以表单文件的方式上传 .xlsx 文件',
  });
  const fileName = checkFileName(upload.fileName, example);
  if (upload.bytes.length === 0) throw refuse(400, '文件是空的，请检查后重新上传');
  return { fileName, file: upload.bytes, pkg: await inspectXlsx(upload.bytes) };
}
