import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CREDIT_CODE_ALPHABET, creditCodeCheckChar, normaliseCreditCode, parseCreditCode } from './credit-code.js';

describe('parseCreditCode (GB 32100-2015)', () => {
  // Published codes of well-known companies (public registration data): the check characters are the issuer's.
  it.each([
    ['9144030071526726XG', '腾讯科技（深圳）有限公司'],
    ['914403001922038216', '华为技术有限公司'],
    ['91330100716105852F', '阿里巴巴（中国）有限公司'],
    ['91110000802100433B', '中国石油化工股份有限公司'],
    ['91110108551385082Q', '北京百度网讯科技有限公司'],
  ])('%s (%s) is valid', (code) => {
    expect(parseCreditCode(code)).toEqual({ ok: true, code });
  });

  it.each([
    // A code with letters in the organisation-code part, check character computed here (T).
    ['91510500MA62A1B2CT', '91510500MA62A1B2CT'],
    ['9144030071526726xg', '9144030071526726XG'],
    ['  9144 0300 7152 6726 XG ', '9144030071526726XG'],
    ['９１４４０３００７１５２６７２６ＸＧ', '9144030071526726XG'],
    ['91330100-716105852F', '91330100716105852F'],
  ])('%s is normalised to %s', (raw, code) => {
    expect(parseCreditCode(raw)).toEqual({ ok: true, code });
  });

  it.each([
    ['9144030071526726XA', '校验位'],
    ['914403001922038217', '校验位'],
    ['91510500MA62A1B2C3', '校验位'],
    ['9144030071526726X', '18位'],
    ['9144030071526726XGG', '18位'],
    ['', '18位'],
    ['91440300715267260G', '校验位'],
    ['9144030O71526726XG', '无效字符“O”'],
    ['91440300715267I6XG', '无效字符“I”'],
    ['91440300715Z6726XG', '无效字符“Z”'],
    ['91440300S15267260G', '无效字符“S”'],
    ['91440300V15267260G', '无效字符“V”'],
    ['914403007152672#XG', '无效字符“#”'],
    ['91A40300715267260G', '行政区划'],
  ])('%s is refused (%s)', (raw, words) => {
    const r = parseCreditCode(raw);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain(words);
  });

  it('names the letters the alphabet leaves out', () => {
    const r = parseCreditCode('9144030O71526726XG');
    expect(!r.ok && r.message).toContain('I、O、Z、S、V');
  });

  it('has a 31-character alphabet without I, O, Z, S, V', () => {
    expect(CREDIT_CODE_ALPHABET).toHaveLength(31);
    expect(CREDIT_CODE_ALPHABET).not.toMatch(/[IOZSV]/);
  });

  it('refuses a character outside the alphabet when computing a check character', () => {
    expect(creditCodeCheckChar('9144030071526726O')).toBeNull();
  });

  it('any 17 valid characters with their computed check character parse; any other last character fails', () => {
    const char = fc.constantFrom(...CREDIT_CODE_ALPHABET);
    const digit = fc.constantFrom(...'0123456789');
    fc.assert(
      fc.property(
        fc.tuple(fc.array(char, { minLength: 2, maxLength: 2 }), fc.array(digit, { minLength: 6, maxLength: 6 })),
        fc.array(char, { minLength: 9, maxLength: 9 }),
        char,
        ([head, division], tail, other) => {
          const first17 = [...head, ...division, ...tail].join('');
          const check = creditCodeCheckChar(first17)!;
          expect(parseCreditCode(first17 + check)).toEqual({ ok: true, code: first17 + check });
          if (other !== check) expect(parseCreditCode(first17 + other).ok).toBe(false);
        },
      ),
    );
  });

  it('normalises full-width and lower-case input', () => {
    expect(normaliseCreditCode('ｍａ６２ a')).toBe('MA62A');
  });
});
