import { fileTypeFromBuffer } from 'file-type';
import { openZip, ZipRefused } from '../../platform/files/zip-package.js';

/**
 * IN-06: the file types an attachment may be, recognised by their bytes, never by the name or the browser's
 * declared type. Each use (meeting photos, notice documents …) allows a subset of these.
 */
export const FILE_TYPES = {
  jpeg: { mediaType: 'image/jpeg', extensions: ['jpg', 'jpeg'], label: 'JPG 图片' },
  png: { mediaType: 'image/png', extensions: ['png'], label: 'PNG 图片' },
  webp: { mediaType: 'image/webp', extensions: ['webp'], label: 'WebP 图片' },
  heic: { mediaType: 'image/heic', extensions: ['heic', 'heif'], label: 'HEIC 照片（苹果手机）' },
  pdf: { mediaType: 'application/pdf', extensions: ['pdf'], label: 'PDF 文件' },
  docx: {
    mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extensions: ['docx'],
    label: 'Word 文档（.docx）',
  },
  xlsx: {
    mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extensions: ['xlsx'],
    label: 'Excel 工作簿（.xlsx）',
  },
} as const;

export type FileType = keyof typeof FILE_TYPES;

/** Why a file was refused, in words for the person who chose it. */
export class FileRefused extends Error {}

const ZIP_LOCAL = Buffer.from('PK\x03\x04', 'latin1');
const ZIP_END = Buffer.from('PK\x05\x06', 'latin1');
// Markup a browser or a viewer could be talked into running, looked for at the start of every file.
const MARKUP = /<\s*(?:script|html|svg|iframe|object|embed|body|\?xml-stylesheet)\b/i;

/**
 * Recognises the file's type from its bytes and checks that it is only that: a file that is also a zip
 * (a GIFAR-style polyglot), or that carries markup in its head, or that runs past its format's end, is refused.
 */
export async function recognise(bytes: Buffer, allowed: readonly FileType[]): Promise<FileType> {
  const type = await sniff(bytes);
  if (!type || !allowed.includes(type)) throw new FileRefused(notAllowed(allowed));
  if (type !== 'docx' && type !== 'xlsx') {
    if (bytes.includes(ZIP_LOCAL) || bytes.includes(ZIP_END)) throw new FileRefused(POLYGLOT);
    if (MARKUP.test(bytes.subarray(0, 1024).toString('latin1'))) throw new FileRefused(POLYGLOT);
  }
  if (type === 'png') checkPng(bytes);
  if (type === 'jpeg') checkJpeg(bytes);
  if (type === 'pdf') checkPdf(bytes);
  if (type === 'docx' || type === 'xlsx') await officeOrRefuse(bytes, type);
  return type;
}

export function notAllowed(allowed: readonly FileType[]): string {
  return `文件类型不受支持，这里只接受：${allowed.map((t) => FILE_TYPES[t].label).join('、')}`;
}

const POLYGLOT = '文件内容与其格式不符（夹带了其他内容），请重新导出或另存后上传';
const BROKEN = (what: string) => `${what}已损坏或不完整，请重新导出后上传`;

/**
 * What the bytes are, by the `file-type` package (its reading of the bytes, never the name), as one of ours.
 * Macro-enabled Office files count as their plain kind here, so that the package check refuses them by name.
 */
async function sniff(b: Buffer): Promise<FileType | null> {
  const found = await fileTypeFromBuffer(b);
  return found ? (SNIFFED[found.ext] ?? null) : null;
}

const SNIFFED: Record<string, FileType> = {
  jpg: 'jpeg',
  png: 'png',
  apng: 'png',
  webp: 'webp',
  heic: 'heic',
  pdf: 'pdf',
  docx: 'docx',
  docm: 'docx',
  xlsx: 'xlsx',
  xlsm: 'xlsx',
};

/** A PNG is its signature, an IHDR chunk first, and chunks up to IEND with nothing after it. */
function checkPng(b: Buffer): void {
  let p = 8;
  let first = true;
  while (p + 12 <= b.length) {
    const length = b.readUInt32BE(p);
    const type = b.toString('latin1', p + 4, p + 8);
    if (first && type !== 'IHDR') break;
    first = false;
    p += 12 + length;
    if (type === 'IEND') {
      if (p === b.length) return;
      throw new FileRefused(POLYGLOT);
    }
  }
  throw new FileRefused(BROKEN('PNG 图片'));
}

/** A JPEG ends with its EOI marker (trailing padding zeros tolerated); bytes after it are something else. */
function checkJpeg(b: Buffer): void {
  let end = b.length;
  while (end > 2 && (b[end - 1] === 0x00 || b[end - 1] === 0x0a || b[end - 1] === 0x0d)) end--;
  if (end < 4 || b[end - 2] !== 0xff || b[end - 1] !== 0xd9) throw new FileRefused(BROKEN('JPG 图片'));
}

/** A PDF closes with %%EOF near its end (an incremental update adds another; anything long after is not PDF). */
function checkPdf(b: Buffer): void {
  const tail = b.subarray(Math.max(0, b.length - 1024)).toString('latin1');
  if (!tail.includes('%%EOF')) throw new FileRefused(BROKEN('PDF 文件'));
}

type OfficeKind = 'docx' | 'xlsx';

export const OFFICE_LIMITS = { maxEntries: 2000, maxUncompressedBytes: 100 * 1024 * 1024 } as const;

const OFFICE: Record<OfficeKind, { part: string; contentType: string; label: string }> = {
  docx: {
    part: 'word/document.xml',
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml',
    label: 'Word 文档（.docx）',
  },
  xlsx: {
    part: 'xl/workbook.xml',
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
    label: 'Excel 工作簿（.xlsx）',
  },
};
const MACROS = '不接受含宏的文档，请另存为不含宏的 .docx / .xlsx 后上传';

/** A .docx/.xlsx must be a plain document of its kind within the zip-bomb limits (`openZip`), with no macros. */
async function officeOrRefuse(bytes: Buffer, kind: OfficeKind): Promise<void> {
  const { label, part, contentType } = OFFICE[kind];
  const broken = `文件不是有效的${label}，请用 Office 或 WPS 打开后另存再上传`;
  const refusals: Record<ZipRefused['reason'], string> = {
    broken,
    encrypted: broken,
    count: '文件内部结构异常（条目过多），请另存后重新上传',
    size: `文件解压后过大（超过 ${OFFICE_LIMITS.maxUncompressedBytes / 1024 / 1024} MB），请压缩图片或拆分后上传`,
  };
  let zip: Awaited<ReturnType<typeof openZip>>;
  try {
    zip = await openZip(bytes, OFFICE_LIMITS);
  } catch (err) {
    if (err instanceof ZipRefused) throw new FileRefused(refusals[err.reason]);
    throw err;
  }
  if (!zip.has('[Content_Types].xml') || !zip.has(part)) throw new FileRefused(broken);
  if (zip.names.some((n) => /vbaProject\.bin$/i.test(n))) throw new FileRefused(MACROS);
  const types = (await zip.read('[Content_Types].xml')).toString('utf8');
  if (/macroEnabled/i.test(types)) throw new FileRefused(MACROS);
  if (!types.includes(contentType)) throw new FileRefused(broken);
}

/** The extension of a checked file name, lower case. */
export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
}
