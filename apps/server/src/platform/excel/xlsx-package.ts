import type { Readable } from 'node:stream';
import { MEMBER_IMPORT_LIMITS } from '@tongxin/contracts';
import yazl from 'yazl';
import { openZip, type ZipPackage, ZipRefused } from '../files/zip-package.js';
import { AppError } from '../http/errors.js';

/**
 * IN-06 for the Excel imports: the upload must really be an .xlsx, read from memory only, within the zip-bomb
 * limits (`openZip`: entry count, declared and real inflated sizes, encryption, paths). The parts the reader
 * needs are then handed to it in the order it reads them, so that exceljs's streaming reader never spills a
 * worksheet to a temporary file.
 */
export interface XlsxPackage {
  /** The package for ExcelJS.stream.xlsx.WorkbookReader, its parts in reading order. */
  stream(): Readable;
  /** The last row of each worksheet as its <dimension> states it (null if absent), in the order they are read. */
  sheetRows: (number | null)[];
}

const refuse = (message: string) => new AppError(400, 'validation_failed', message, [{ path: 'file', message }]);
const NOT_XLSX = '文件不是有效的 Excel 工作簿（.xlsx），请用 Excel 或 WPS 打开后另存为「Excel 工作簿（*.xlsx）」再上传';
const TOO_BIG = `文件解压后过大（超过 ${MEMBER_IMPORT_LIMITS.maxUncompressedBytes / 1024 / 1024} MB），请分成几个文件上传`;
const REFUSALS: Record<ZipRefused['reason'], string> = {
  broken: NOT_XLSX,
  count: '文件内部结构异常（条目过多），请另存为 .xlsx 后重新上传',
  size: TOO_BIG,
  encrypted: '工作簿已加密（设置了打开密码），请取消密码后另存为 .xlsx 再上传',
};
const SHEET = /^xl\/worksheets\/sheet(\d+)\.xml$/;
const EMPTY_STRINGS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"/>';

export async function inspectXlsx(file: Buffer): Promise<XlsxPackage> {
  if (file.length >= 8 && file.readUInt32BE(0) === 0xd0cf11e0) {
    throw refuse('这是旧版 Excel（.xls）文件或已加密的工作簿，请在 Excel 中另存为「Excel 工作簿（*.xlsx）」后上传');
  }
  if (file.length < 22 || file.readUInt32LE(0) !== 0x04034b50) throw refuse(NOT_XLSX);
  let zip: ZipPackage;
  try {
    zip = await openZip(file, {
      maxEntries: MEMBER_IMPORT_LIMITS.maxZipEntries,
      maxUncompressedBytes: MEMBER_IMPORT_LIMITS.maxUncompressedBytes,
    });
  } catch (err) {
    if (err instanceof ZipRefused) throw refuse(REFUSALS[err.reason]);
    throw err;
  }
  for (const required of ['[Content_Types].xml', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels']) {
    if (!zip.has(required)) throw refuse(NOT_XLSX);
  }
  const sheets = zip.names.filter((n) => SHEET.test(n)).sort((a, b) => Number(SHEET.exec(a)![1]) - Number(SHEET.exec(b)![1]));
  if (sheets.length === 0) throw refuse(NOT_XLSX);

  const types = (await zip.read('[Content_Types].xml')).toString('utf8');
  if (!types.includes('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml')) {
    throw refuse(
      types.includes('macroEnabled') ? '不接受含宏的工作簿（.xlsm），请另存为「Excel 工作簿（*.xlsx）」后上传' : NOT_XLSX,
    );
  }
  const sheetRows: (number | null)[] = [];
  for (const s of sheets) sheetRows.push(declaredRows(await zip.head(s, 8192)));
  const order = [
    'xl/_rels/workbook.xml.rels',
    'xl/workbook.xml',
    'xl/sharedStrings.xml',
    ...(zip.has('xl/styles.xml') ? ['xl/styles.xml'] : []),
    ...sheets,
  ];
  return { stream: () => reordered(zip, order), sheetRows };
}

/**
 * The parts in reading order as a new zip (yazl), built lazily as the reader consumes it: each part is inflated
 * from the upload and deflated again at the fastest level. A workbook without shared strings gets an empty list.
 */
function reordered(zip: ZipPackage, order: readonly string[]): Readable {
  const out = new yazl.ZipFile();
  for (const name of order) {
    if (zip.has(name)) {
      out.addReadStreamLazy(name, { compressionLevel: 1 }, (cb) => {
        zip.open(name).then(
          (s) => cb(null, s),
          (err: Error) => cb(err, undefined as never),
        );
      });
    } else {
      out.addBuffer(Buffer.from(EMPTY_STRINGS, 'utf8'), name, { compress: false });
    }
  }
  const stream = out.outputStream as Readable;
  out.on('error', (err: Error) => stream.destroy(err));
  out.end();
  return stream;
}

/** The last row a worksheet's <dimension ref="A1:Q5001"> states, read from the first bytes of its XML. */
function declaredRows(head: Buffer): number | null {
  const match = /<(?:\w+:)?dimension\s+ref="[A-Z]+\d+(?::[A-Z]+(\d+))?"/.exec(head.toString('utf8'));
  return match?.[1] ? Number(match[1]) : null;
}
