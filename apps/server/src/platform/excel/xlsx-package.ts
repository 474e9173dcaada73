import { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { MEMBER_IMPORT_LIMITS } from '@tongxin/contracts';
import { AppError } from '../http/errors.js';

/**
 * IN-06 for the ledger import: the upload must really be an .xlsx, read from memory only. The zip's central
 * directory is read before anything is parsed (entry count, declared sizes, encryption, methods, paths), then
 * every entry is inflated once, discarding the output, to prove its real size (a zip bomb that lies about its
 * sizes is caught without holding its output). Finally the parts the reader needs are laid out in the order
 * it reads them, so that exceljs's streaming reader never spills a worksheet to a temporary file.
 */
export interface XlsxPackage {
  /** The reordered package for ExcelJS.stream.xlsx.WorkbookReader. */
  stream(): Readable;
  /** The last row of each worksheet as its <dimension> states it (null if absent), in the order they are read. */
  sheetRows: (number | null)[];
}

interface Entry {
  name: string;
  flags: number;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
  dataOffset: number;
  span: [number, number];
}

const refuse = (message: string) => new AppError(400, 'validation_failed', message, [{ path: 'file', message }]);
const NOT_XLSX = '文件不是有效的 Excel 工作簿（.xlsx），请用 Excel 或 WPS 打开后另存为「Excel 工作簿（*.xlsx）」再上传';

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;
const SHEET = /^xl\/worksheets\/sheet(\d+)\.xml$/;

export async function inspectXlsx(file: Buffer): Promise<XlsxPackage> {
  if (file.length >= 8 && file.readUInt32BE(0) === 0xd0cf11e0) {
    throw refuse('这是旧版 Excel（.xls）文件或已加密的工作簿，请在 Excel 中另存为「Excel 工作簿（*.xlsx）」后上传');
  }
  if (file.length < 22 || file.readUInt32LE(0) !== LOCAL) throw refuse(NOT_XLSX);
  const entries = readCentralDirectory(file);
  const byName = new Map(entries.map((e) => [e.name, e]));
  for (const required of ['[Content_Types].xml', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels']) {
    if (!byName.has(required)) throw refuse(NOT_XLSX);
  }
  const sheets = entries
    .filter((e) => SHEET.test(e.name))
    .sort((a, b) => Number(SHEET.exec(a.name)![1]) - Number(SHEET.exec(b.name)![1]));
  if (sheets.length === 0) throw refuse(NOT_XLSX);

  let total = 0;
  for (const e of entries) total += await inflatedSize(file, e);
  if (total > MEMBER_IMPORT_LIMITS.maxUncompressedBytes) throw refuse(TOO_BIG);

  const types = inflate(file, byName.get('[Content_Types].xml')!).toString('utf8');
  if (!types.includes('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml')) {
    throw refuse(
      types.includes('macroEnabled') ? '不接受含宏的工作簿（.xlsm），请另存为「Excel 工作簿（*.xlsx）」后上传' : NOT_XLSX,
    );
  }

  const parts: Buffer[] = [];
  for (const name of ['xl/_rels/workbook.xml.rels', 'xl/workbook.xml']) parts.push(spanOf(file, byName.get(name)!));
  const strings = byName.get('xl/sharedStrings.xml');
  parts.push(strings ? spanOf(file, strings) : storedEntry('xl/sharedStrings.xml', EMPTY_STRINGS));
  const styles = byName.get('xl/styles.xml');
  if (styles) parts.push(spanOf(file, styles));
  for (const s of sheets) parts.push(spanOf(file, s));
  // The original central directory closes the stream (the reader only checks its records' shapes).
  parts.push(file.subarray(centralStart(file)));
  const body = Buffer.concat(parts);
  return {
    stream: () => Readable.from([body]),
    sheetRows: sheets.map((s) => declaredRows(file, s)),
  };
}

const TOO_BIG = `文件解压后过大（超过 ${MEMBER_IMPORT_LIMITS.maxUncompressedBytes / 1024 / 1024} MB），请分成几个文件上传`;
const EMPTY_STRINGS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"/>';

function endRecord(file: Buffer): number {
  const stop = Math.max(0, file.length - 22 - 0xffff);
  for (let i = file.length - 22; i >= stop; i--) if (file.readUInt32LE(i) === END) return i;
  throw refuse(NOT_XLSX);
}

function centralStart(file: Buffer): number {
  return file.readUInt32LE(endRecord(file) + 16);
}

function readCentralDirectory(file: Buffer): Entry[] {
  const end = endRecord(file);
  const count = file.readUInt16LE(end + 10);
  const cdSize = file.readUInt32LE(end + 12);
  const cdOffset = file.readUInt32LE(end + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) throw refuse(NOT_XLSX);
  if (count > MEMBER_IMPORT_LIMITS.maxZipEntries) throw refuse('文件内部结构异常（条目过多），请另存为 .xlsx 后重新上传');
  if (cdOffset + cdSize > end) throw refuse(NOT_XLSX);
  const entries: Entry[] = [];
  let declared = 0;
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > end || file.readUInt32LE(p) !== CENTRAL) throw refuse(NOT_XLSX);
    const flags = file.readUInt16LE(p + 8);
    const method = file.readUInt16LE(p + 10);
    const compressedSize = file.readUInt32LE(p + 20);
    const size = file.readUInt32LE(p + 24);
    const nameLength = file.readUInt16LE(p + 28);
    const extraLength = file.readUInt16LE(p + 30);
    const commentLength = file.readUInt16LE(p + 32);
    const localOffset = file.readUInt32LE(p + 42);
    const name = file.subarray(p + 46, p + 46 + nameLength).toString('utf8');
    p += 46 + nameLength + extraLength + commentLength;
    if (flags & 0x1) throw refuse('工作簿已加密（设置了打开密码），请取消密码后另存为 .xlsx 再上传');
    if (method !== 0 && method !== 8) throw refuse(NOT_XLSX);
    if (name.startsWith('/') || name.includes('\\') || name.split('/').includes('..')) throw refuse(NOT_XLSX);
    if (compressedSize === 0xffffffff || size === 0xffffffff) throw refuse(NOT_XLSX);
    declared += size;
    if (declared > MEMBER_IMPORT_LIMITS.maxUncompressedBytes) throw refuse(TOO_BIG);
    if (localOffset + 30 > cdOffset || file.readUInt32LE(localOffset) !== LOCAL) throw refuse(NOT_XLSX);
    const dataOffset = localOffset + 30 + file.readUInt16LE(localOffset + 26) + file.readUInt16LE(localOffset + 28);
    if (dataOffset + compressedSize > cdOffset) throw refuse(NOT_XLSX);
    entries.push({ name, flags, method, compressedSize, size, localOffset, dataOffset, span: [localOffset, 0] });
  }
  // Each entry's bytes run to the next local header (its data descriptor, if any, included).
  const starts = [...entries.map((e) => e.localOffset), cdOffset].sort((a, b) => a - b);
  for (let i = 1; i < starts.length; i++) if (starts[i] === starts[i - 1]) throw refuse(NOT_XLSX);
  for (const e of entries) e.span[1] = starts[starts.indexOf(e.localOffset) + 1]!;
  return entries;
}

const spanOf = (file: Buffer, e: Entry) => file.subarray(e.span[0], e.span[1]);
const dataOf = (file: Buffer, e: Entry) => file.subarray(e.dataOffset, e.dataOffset + e.compressedSize);

/** Inflates an entry to count its bytes, keeping none of them; refuses sizes beyond the stated or allowed. */
async function inflatedSize(file: Buffer, e: Entry): Promise<number> {
  if (e.method === 0) {
    if (e.compressedSize !== e.size) throw refuse(NOT_XLSX);
    return e.size;
  }
  const inflater = zlib.createInflateRaw();
  let seen = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      inflater.on('data', (chunk: Buffer) => {
        seen += chunk.length;
        if (seen > e.size || seen > MEMBER_IMPORT_LIMITS.maxUncompressedBytes) {
          inflater.destroy();
          reject(refuse(TOO_BIG));
        }
      });
      inflater.on('end', resolve);
      inflater.on('error', reject);
      inflater.end(dataOf(file, e));
    });
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw refuse(NOT_XLSX);
  }
  if (seen !== e.size) throw refuse(NOT_XLSX);
  return seen;
}

function inflate(file: Buffer, e: Entry): Buffer {
  return e.method === 0 ? Buffer.from(dataOf(file, e)) : zlib.inflateRawSync(dataOf(file, e));
}

/** The last row a worksheet's <dimension ref="A1:Q5001"> states, read from the first bytes of its XML. */
function declaredRows(file: Buffer, e: Entry): number | null {
  let head: Buffer;
  try {
    head =
      e.method === 0
        ? dataOf(file, e).subarray(0, 8192)
        : zlib.inflateRawSync(dataOf(file, e).subarray(0, 2048), {
            finishFlush: zlib.constants.Z_SYNC_FLUSH,
            maxOutputLength: 4 * 1024 * 1024,
          });
  } catch {
    return null;
  }
  const match = /<(?:\w+:)?dimension\s+ref="[A-Z]+\d+(?::[A-Z]+(\d+))?"/.exec(head.toString('utf8'));
  return match?.[1] ? Number(match[1]) : null;
}

/** A stored (uncompressed) zip entry, for a part the package lacks but the reader expects. */
function storedEntry(name: string, text: string): Buffer {
  const data = Buffer.from(text, 'utf8');
  const nameBytes = Buffer.from(name, 'utf8');
  const header = Buffer.alloc(30);
  header.writeUInt32LE(LOCAL, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt32LE(zlib.crc32(data), 14);
  header.writeUInt32LE(data.length, 18);
  header.writeUInt32LE(data.length, 22);
  header.writeUInt16LE(nameBytes.length, 26);
  return Buffer.concat([header, nameBytes, data]);
}
