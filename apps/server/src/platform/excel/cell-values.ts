/**
 * Reading the cells of real-world ledger spreadsheets: dates as Excel dates, serial numbers or text in the usual
 * Chinese forms, ID numbers as text or numbers (and caught when Excel has rounded them), full-width characters
 * and stray spaces. Pure functions: the importer and its unit tests share them.
 */

import { quoteCell } from './quote-cell.js';

/** A cell's value as exceljs gives it (plain values, rich text, formulas with their cached result, links). */
export type CellValue = string | number | boolean | Date | null | undefined | { [key: string]: unknown };

/** The value behind a formula, rich text or hyperlink; plain values pass through. */
export function plainValue(value: CellValue): string | number | boolean | Date | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object' || value instanceof Date) return value;
  if (Array.isArray(value.richText)) return value.richText.map((r: { text?: string }) => r.text ?? '').join('');
  if ('result' in value) return plainValue(value.result as CellValue);
  if (typeof value.text === 'string') return value.text;
  if ('error' in value) return null;
  return null;
}

/** Text with full-width forms folded (NFKC), the ideographic space treated as a space, ends trimmed. */
export function foldText(raw: string): string {
  return raw
    .normalize('NFKC')
    .replace(/[\u3000\u00a0\u200b\ufeff]/g, ' ')
    .trim();
}

/** Free text (employer, position, remarks): inner runs of spaces collapse to one; full-width punctuation stays. */
export function cleanFreeText(value: CellValue): string {
  const v = plainValue(value);
  if (v === null) return '';
  const text = v instanceof Date ? isoFromDate(v) : String(v);
  return text
    .replace(/[\u3000\u00a0\u200b\ufeff]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A person's name: NFKC, no spaces between Chinese characters ("张 三" is 张三), one space elsewhere. */
export function cleanName(value: CellValue): string {
  const v = plainValue(value);
  if (v === null) return '';
  return foldText(String(v))
    .replace(/[•・‧∙]/g, '·')
    .replace(/\s+/g, ' ')
    .replace(/(\p{Script=Han}) (?=\p{Script=Han})/gu, '$1')
    .replace(/ ?· ?/g, '·');
}

/** A choice cell (性别, 学历 …): NFKC and no spaces at all. */
export function cleanChoice(value: CellValue): string {
  const v = plainValue(value);
  if (v === null) return '';
  return foldText(String(v)).replace(/\s+/g, '');
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

const pad = (n: number) => String(n).padStart(2, '0');

function isoFromDate(d: Date): string {
  // exceljs turns an Excel date into the UTC instant of its wall-clock time; read it back in UTC, to the day.
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

function validDate(y: number, m: number, d: number): string | null {
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/** An Excel serial day number (1900 date system, with Excel's phantom 29 February 1900) as a date. */
export function excelSerialDate(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial >= 73_051) return null;
  const whole = Math.floor(serial + 1e-9);
  const days = whole > 60 ? whole - 1 : whole;
  const d = new Date(Date.UTC(1899, 11, 31) + days * 86_400_000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/**
 * A date cell: an Excel date, a serial number, 20200102, or text such as 2020-01-02, 2020/1/2, 2020.1.2,
 * 2020年1月2日, and 2020.01, 2020-01 or 2020年1月 for the 1st of the month. `label` names the column in messages.
 */
export function parseLooseDate(value: CellValue, label: string): Parsed<string> | null {
  const v = plainValue(value);
  if (v === null || v === '') return null;
  const bad = (shown: string): Parsed<string> => ({
    ok: false,
    message: `${label}${quoteCell(shown)}不是有效日期，请写成 2020-01-02、2020年1月2日 或 2020.01 的形式`,
  });
  if (v instanceof Date) {
    const iso = isoFromDate(v);
    return validDate(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10)))
      ? { ok: true, value: iso }
      : bad(iso);
  }
  if (typeof v === 'boolean') return bad(String(v));
  if (typeof v === 'number') return numericDate(v, label) ?? bad(String(v));
  const text = foldText(v).replace(/\s+/g, '');
  if (text === '') return null;
  const parts = /^(\d{4})[-/.年](\d{1,2})(?:[-/.月](\d{1,2})日?|月)?(?:(?:T|\s)?\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?)?$/.exec(
    text,
  );
  if (parts) {
    const [, y, m, d] = parts;
    const monthOnly = d === undefined;
    const iso = validDate(Number(y), Number(m), monthOnly ? 1 : Number(d));
    return iso ? { ok: true, value: iso } : bad(text);
  }
  const compact = /^(\d{4})(\d{2})(\d{2})?$/.exec(text);
  if (compact) {
    const iso = validDate(Number(compact[1]), Number(compact[2]), compact[3] ? Number(compact[3]) : 1);
    return iso ? { ok: true, value: iso } : bad(text);
  }
  if (/^\d{1,5}(\.\d+)?$/.test(text)) return numericDate(Number(text), label) ?? bad(text);
  return bad(text);
}

/** A number in a date column: 20200102, 202001, a year.month Excel stored as a number, or a serial day. */
function numericDate(n: number, label: string): Parsed<string> | null {
  if (Number.isInteger(n) && n >= 19_000_101 && n <= 21_001_231) {
    const iso = validDate(Math.floor(n / 10_000), Math.floor(n / 100) % 100, n % 100);
    return iso ? { ok: true, value: iso } : null;
  }
  if (Number.isInteger(n) && n >= 190_001 && n <= 210_012) {
    const iso = validDate(Math.floor(n / 100), n % 100, 1);
    return iso ? { ok: true, value: iso } : null;
  }
  // 2020.05 typed into a General cell arrives as the number 2020.05; 2020.1 may have been 2020.10.
  if (!Number.isInteger(n) && n >= 1900 && n < 2101) {
    const [year, fraction = ''] = String(n).split('.');
    if (fraction === '1') return ambiguousMonth(String(n), label);
    if (fraction.length > 2) return null;
    const iso = validDate(Number(year), Number(fraction.padEnd(2, '0')), 1);
    return iso ? { ok: true, value: iso } : null;
  }
  const serial = excelSerialDate(n);
  return serial ? { ok: true, value: serial } : null;
}

function ambiguousMonth(shown: string, label: string): Parsed<string> {
  return {
    ok: false,
    message: `${label}${quoteCell(shown)}无法确定是1月还是10月（Excel 会把 2020.10 存成 2020.1），请把该列设为文本格式后写成 2020.01 或 2020.10`,
  };
}

const ROUNDED_ID =
  '身份证号已被 Excel 当作数字保存，末尾几位已丢失（如显示为 5.10104E+17 或末三位为 000）：请把该列设为「文本」格式后重新录入完整号码';

/**
 * An ID-number cell, in the form parseIdNumber reads: NFKC, no spaces, an upper-case X, no leading apostrophe.
 * A number of more than 15 digits has been rounded by Excel (it keeps 15 significant digits) and is refused
 * with its own message, as is its scientific-notation text.
 */
export function normaliseIdNumber(value: CellValue): Parsed<string> | null {
  const v = plainValue(value);
  if (v === null || v === '') return null;
  if (typeof v === 'number') {
    if (!Number.isInteger(v) || v < 0) return { ok: false, message: '身份证号应为18位（最后一位可为X）或15位数字' };
    if (v >= 1e15) return { ok: false, message: ROUNDED_ID };
    return { ok: true, value: String(v) };
  }
  if (v instanceof Date || typeof v === 'boolean') return { ok: false, message: '身份证号应为18位（最后一位可为X）或15位数字' };
  const text = foldText(v).replace(/^'/, '').replace(/[\s-]/g, '').toUpperCase();
  if (text === '') return null;
  if (/^\d(\.\d+)?E\+?\d+$/.test(text)) return { ok: false, message: ROUNDED_ID };
  return { ok: true, value: text };
}

/** A phone cell as text: numbers as their digits, NFKC, no spaces (normaliseMobile then checks it). */
export function phoneText(value: CellValue): string {
  const v = plainValue(value);
  if (v === null) return '';
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : '';
  return foldText(String(v)).replace(/\s+/g, '');
}

/** Any cell as folded text, for header detection and for quoting a value back in a message. */
export function cellText(value: CellValue): string {
  const v = plainValue(value);
  if (v === null) return '';
  if (v instanceof Date) return isoFromDate(v);
  return foldText(String(v));
}
