import zlib from 'node:zlib';

/**
 * IN-06 zip-bomb limits for .docx/.xlsx attachments: the central directory is read before anything is
 * inflated (entry count, declared sizes, encryption, methods, paths), then every entry is inflated once,
 * discarding the output, to prove its real size against the declared one and the limit.
 */
export type OfficeKind = 'docx' | 'xlsx';

export const OFFICE_LIMITS = { maxEntries: 2000, maxUncompressedBytes: 100 * 1024 * 1024 } as const;

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;

const REQUIRED: Record<OfficeKind, { part: string; contentType: string; label: string }> = {
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

interface Entry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  dataOffset: number;
}

/** Null when the package is a plain document of that kind within the limits; otherwise why not. */
export async function inspectOfficePackage(file: Buffer, kind: OfficeKind): Promise<string | null> {
  const { label, part, contentType } = REQUIRED[kind];
  const broken = `文件不是有效的${label}，请用 Office 或 WPS 打开后另存再上传`;
  const tooBig = `文件解压后过大（超过 ${OFFICE_LIMITS.maxUncompressedBytes / 1024 / 1024} MB），请压缩图片或拆分后上传`;
  let entries: Entry[];
  try {
    entries = readCentralDirectory(file);
  } catch (err) {
    if (err instanceof Refusal) return err.reason === 'size' ? tooBig : err.reason === 'count' ? ENTRIES : broken;
    return broken;
  }
  const names = new Set(entries.map((e) => e.name));
  if (!names.has('[Content_Types].xml') || !names.has(part)) return broken;
  if ([...names].some((n) => /vbaProject\.bin$/i.test(n))) return MACROS;
  let total = 0;
  for (const e of entries) {
    const seen = await inflatedSize(file, e);
    if (seen === 'too-big') return tooBig;
    if (seen === 'broken') return broken;
    total += seen;
    if (total > OFFICE_LIMITS.maxUncompressedBytes) return tooBig;
  }
  const typesEntry = entries.find((e) => e.name === '[Content_Types].xml')!;
  const types = inflate(file, typesEntry).toString('utf8');
  if (/macroEnabled/i.test(types)) return MACROS;
  if (!types.includes(contentType)) return broken;
  return null;
}

const MACROS = '不接受含宏的文档，请另存为不含宏的 .docx / .xlsx 后上传';
const ENTRIES = '文件内部结构异常（条目过多），请另存后重新上传';

class Refusal extends Error {
  constructor(readonly reason: 'size' | 'count' | 'broken') {
    super(reason);
  }
}

function readCentralDirectory(file: Buffer): Entry[] {
  let end = -1;
  const stop = Math.max(0, file.length - 22 - 0xffff);
  for (let i = file.length - 22; i >= stop; i--) {
    if (file.readUInt32LE(i) === END) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new Refusal('broken');
  const count = file.readUInt16LE(end + 10);
  const cdSize = file.readUInt32LE(end + 12);
  const cdOffset = file.readUInt32LE(end + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) throw new Refusal('broken');
  if (count > OFFICE_LIMITS.maxEntries) throw new Refusal('count');
  if (cdOffset + cdSize > end) throw new Refusal('broken');
  const entries: Entry[] = [];
  let declared = 0;
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > end || file.readUInt32LE(p) !== CENTRAL) throw new Refusal('broken');
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
    if (flags & 0x1) throw new Refusal('broken');
    if (method !== 0 && method !== 8) throw new Refusal('broken');
    if (name.startsWith('/') || name.includes('\\') || name.split('/').includes('..')) throw new Refusal('broken');
    if (compressedSize === 0xffffffff || size === 0xffffffff) throw new Refusal('size');
    declared += size;
    if (declared > OFFICE_LIMITS.maxUncompressedBytes) throw new Refusal('size');
    if (localOffset + 30 > cdOffset || file.readUInt32LE(localOffset) !== LOCAL) throw new Refusal('broken');
    const dataOffset = localOffset + 30 + file.readUInt16LE(localOffset + 26) + file.readUInt16LE(localOffset + 28);
    if (dataOffset + compressedSize > cdOffset) throw new Refusal('broken');
    entries.push({ name, method, compressedSize, size, dataOffset });
  }
  return entries;
}

const dataOf = (file: Buffer, e: Entry) => file.subarray(e.dataOffset, e.dataOffset + e.compressedSize);

/** Inflates an entry to count its bytes, keeping none; a lie about the size is as bad as too many bytes. */
async function inflatedSize(file: Buffer, e: Entry): Promise<number | 'too-big' | 'broken'> {
  if (e.method === 0) return e.compressedSize === e.size ? e.size : 'broken';
  const inflater = zlib.createInflateRaw();
  let seen = 0;
  const outcome = await new Promise<'ok' | 'too-big' | 'broken'>((resolve) => {
    inflater.on('data', (chunk: Buffer) => {
      seen += chunk.length;
      if (seen > e.size || seen > OFFICE_LIMITS.maxUncompressedBytes) {
        inflater.destroy();
        resolve('too-big');
      }
    });
    inflater.on('end', () => resolve('ok'));
    inflater.on('error', () => resolve('broken'));
    inflater.end(dataOf(file, e));
  });
  if (outcome !== 'ok') return outcome;
  return seen === e.size ? seen : 'broken';
}

function inflate(file: Buffer, e: Entry): Buffer {
  return e.method === 0 ? Buffer.from(dataOf(file, e)) : zlib.inflateRawSync(dataOf(file, e));
}
