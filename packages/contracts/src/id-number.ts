/**
 * Resident ID numbers (GB 11643-1999) and mainland mobile numbers: parsing, checking and masking.
 * Zod-free, so the browser, the server, the importer and the health check share one implementation.
 */
export interface IdNumberFacts {
  /** The normalised number: 18 characters with an upper-case X, or a legacy 15-digit number. */
  number: string;
  birthDate: string;
  gender: 'male' | 'female';
}

export type IdNumberResult = { ok: true; facts: IdNumberFacts } | { ok: false; message: string };

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

/** The check character of the first 17 digits (ISO 7064 MOD 11-2). */
export function idNumberCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

function validDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** A YYYY-MM-DD text naming a day that exists (2020-02-31 does not). */
export function isCalendarDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  return m !== null && validDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Checks an ID number and reads the birth date and gender it encodes. `today` bounds the birth date. */
export function parseIdNumber(raw: string, today?: string): IdNumberResult {
  const number = raw.trim().toUpperCase();
  let y: number;
  let m: number;
  let d: number;
  let genderDigit: number;
  if (/^\d{17}[\dX]$/.test(number)) {
    y = Number(number.slice(6, 10));
    m = Number(number.slice(10, 12));
    d = Number(number.slice(12, 14));
    genderDigit = Number(number[16]);
  } else if (/^\d{15}$/.test(number)) {
    y = 1900 + Number(number.slice(6, 8));
    m = Number(number.slice(8, 10));
    d = Number(number.slice(10, 12));
    genderDigit = Number(number[14]);
  } else {
    return { ok: false, message: '身份证号应为18位（最后一位可为X）或15位数字' };
  }
  if (y < 1900 || !validDate(y, m, d)) return { ok: false, message: '身份证号中的出生日期无效' };
  if (number.length === 18 && idNumberCheckChar(number.slice(0, 17)) !== number[17]) {
    return { ok: false, message: '身份证号校验位不正确，请核对（常见原因：录入错误，或 Excel 把号码当作数字截断了末尾几位）' };
  }
  const birthDate = `${y}-${pad(m)}-${pad(d)}`;
  if (today && birthDate > today) return { ok: false, message: '身份证号中的出生日期晚于今天' };
  return { ok: true, facts: { number, birthDate, gender: genderDigit % 2 === 1 ? 'male' : 'female' } };
}

/** DP-04: the first 3 and last 4 characters stay; the rest become *. Idempotent on masked values. */
export function maskIdNumber(value: string): string {
  if (value.length <= 7) return '*'.repeat(value.length);
  return `${value.slice(0, 3)}${'*'.repeat(value.length - 7)}${value.slice(-4)}`;
}

export const MOBILE_PATTERN = /^1[3-9]\d{9}$/;

/** Mainland mobile numbers, after stripping spaces, dashes and a +86 / 0086 prefix. Null if not one. */
export function normaliseMobile(raw: string): string | null {
  const digits = raw.replace(/[\s-]/g, '').replace(/^(\+86|0086)/, '');
  return MOBILE_PATTERN.test(digits) ? digits : null;
}

export function maskPhone(value: string): string {
  if (value.length < 8) return '*'.repeat(value.length);
  return `${value.slice(0, 3)}${'*'.repeat(value.length - 7)}${value.slice(-4)}`;
}

/** The 18-character form of a valid number (a legacy 15-digit number gains "19" and its check character). */
export function toEighteen(number: string): string {
  if (number.length !== 15) return number;
  const first17 = `${number.slice(0, 6)}19${number.slice(6)}`;
  return first17 + idNumberCheckChar(first17);
}
