import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { neutraliseCell } from './neutralise.js';

const TRIGGERS = ['=', '+', '-', '@', '\t', '\r', '\0'];

describe('DP-08 neutraliseCell', () => {
  it('any string comes back as itself or as an apostrophe and itself', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (s) => {
        const out = neutraliseCell(s);
        expect(out === s || out === `'${s}`).toBe(true);
      }),
    );
  });

  it('no output starts with a trigger unless it is a genuine number', () => {
    const risky = fc.tuple(fc.constantFrom(...TRIGGERS), fc.string({ maxLength: 30 })).map(([t, rest]) => t + rest);
    fc.assert(
      fc.property(fc.oneof(risky, fc.string({ maxLength: 30 })), (s) => {
        const out = neutraliseCell(s);
        if (TRIGGERS.includes(out[0] ?? '')) expect(Number.isFinite(Number(out)) && /^[+-]?[\d.]/.test(out)).toBe(true);
      }),
    );
  });

  it('numbers with a sign stay numbers; formulas and commands are defused', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
        expect(neutraliseCell(String(n))).toBe(String(n));
      }),
    );
    expect(neutraliseCell('-12.5')).toBe('-12.5');
    expect(neutraliseCell('+8613800000000')).toBe('+8613800000000');
    expect(neutraliseCell('=HYPERLINK("http://x","点我")')).toBe('\'=HYPERLINK("http://x","点我")');
    expect(neutraliseCell("+cmd|' /C calc'!A0")).toBe("'+cmd|' /C calc'!A0");
    expect(neutraliseCell('-2+3')).toBe("'-2+3");
    expect(neutraliseCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(neutraliseCell('\t=1')).toBe("'\t=1");
    expect(neutraliseCell('张三')).toBe('张三');
    expect(neutraliseCell('')).toBe('');
  });
});
