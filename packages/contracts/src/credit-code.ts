/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-character alphabet (digits and capital letters
 * without I, O, Z, S, V), the last one a check character over the first 17 (weights 3^i mod 31).
 * Zod-free, so the browser, the server and the importer share one implementation.
 */
export const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export type CreditCodeResult = { ok: true; code: string } | { ok: false; message: string };

/** Full-width letters and digits typed with a Chinese input method become half-width; spaces and dashes go. */
export function normaliseCreditCode(raw: string): string {
  return raw
    .normalize('NFKC')
    .replace(/[\s\-－]/g, '')
    .toUpperCase();
}

/** The check character of the first 17 characters, or null when one of them is outside the alphabet. */
export function creditCodeCheckChar(first17: string): string | null {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) {
    const value = CREDIT_CODE_ALPHABET.indexOf(first17[i] ?? '');
    if (value < 0) return null;
    sum += value * WEIGHTS[i]!;
  }
  return CREDIT_CODE_ALPHABET[(31 - (sum % 31)) % 31]!;
}

/** Checks a code as typed or pasted; the normalised code on success, else a message naming the fault. */
export function parseCreditCode(raw: string): CreditCodeResult {
  const code = normaliseCreditCode(raw);
  if (code.length !== 18) return { ok: false, message: `统一社会信用代码应为18位，当前为${code.length}位` };
  const stray = [...code].find((c) => !CREDIT_CODE_ALPHABET.includes(c));
  if (stray !== undefined) {
    const hint = /[IOZSV]/.test(stray) ? '（代码中不使用字母 I、O、Z、S、V，请核对是否为数字 1、0、2、5 等）' : '';
    return { ok: false, message: `统一社会信用代码含有无效字符“${stray}”${hint}` };
  }
  // Characters 3–8 are the registering authority's administrative division code (GB/T 2260): six digits.
  if (!/^\d{6}$/.test(code.slice(2, 8))) return { ok: false, message: '统一社会信用代码第3至8位应为行政区划代码（6位数字）' };
  if (creditCodeCheckChar(code.slice(0, 17)) !== code[17]) {
    return { ok: false, message: '统一社会信用代码校验位不正确，请核对（常见原因：录入时漏字、错字或字母与数字混淆）' };
  }
  return { ok: true, code };
}
