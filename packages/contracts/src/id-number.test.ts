import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { idNumberCheckChar, maskIdNumber, maskPhone, normaliseMobile, parseIdNumber } from './id-number.js';
import { ageOn, checkMemberFacts } from './member-rules.js';

describe('parseIdNumber (GB 11643)', () => {
  it.each([
    // The standard's own example, and a number whose check character is X.
    ['11010519491231002X', '1949-12-31', 'female'],
    [`44052419800101001${idNumberCheckChar('44052419800101001')}`, '1980-01-01', 'male'],
    ['510104900101101', '1990-01-01', 'male'],
  ])('%s is valid, born %s, %s', (number, birthDate, gender) => {
    const r = parseIdNumber(number);
    expect(r).toEqual({ ok: true, facts: { number: number.toUpperCase(), birthDate, gender } });
  });

  it.each([
    ['11010519491231002Y', '18位'],
    ['110105194912310021', '校验位'],
    ['110105194902300027', '出生日期'],
    ['51010419900101', '18位'],
    ['510104199001011000', '校验位'],
  ])('%s is refused (%s)', (number, words) => {
    const r = parseIdNumber(number);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain(words);
  });

  it('accepts a lower-case x and stray spaces', () => {
    expect(parseIdNumber(' 11010519491231002x ')).toMatchObject({ ok: true, facts: { number: '11010519491231002X' } });
  });

  it('refuses a birth date after today', () => {
    const number = `51010420300101123`;
    expect(parseIdNumber(number + idNumberCheckChar(number), '2026-11-26').ok).toBe(false);
  });

  it('any 17 digits with their computed check character parse', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 999_999 }),
        fc.date({ min: new Date('1920-01-01'), max: new Date('2008-12-31'), noInvalidDate: true }),
        fc.integer({ min: 0, max: 999 }),
        (area, born, seq) => {
          const first17 = `${String(area).padStart(6, '0')}${born.toISOString().slice(0, 10).replaceAll('-', '')}${String(seq).padStart(3, '0')}`;
          const r = parseIdNumber(first17 + idNumberCheckChar(first17));
          expect(r.ok && r.facts.birthDate).toBe(born.toISOString().slice(0, 10));
        },
      ),
    );
  });
});

describe('masking (DP-04)', () => {
  it('keeps exactly positions 0–2 and the last four, and is idempotent', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{17}[\dX]$|^\d{15}$/), (id) => {
        const masked = maskIdNumber(id);
        expect(masked).toHaveLength(id.length);
        expect(masked.slice(0, 3)).toBe(id.slice(0, 3));
        expect(masked.slice(-4)).toBe(id.slice(-4));
        expect(masked.slice(3, -4)).toMatch(/^\*+$/);
        expect(maskIdNumber(masked)).toBe(masked);
      }),
    );
  });

  it('masks as the ledger shows it', () => {
    expect(maskIdNumber('510104199001011234')).toBe('510***********1234');
    expect(maskPhone('13812345678')).toBe('138****5678');
  });
});

describe('mobile numbers', () => {
  it.each([
    ['13812345678', '13812345678'],
    ['+86 138-1234-5678', '13812345678'],
    ['12812345678', null],
    ['0830-1234567', null],
  ])('%s → %s', (raw, expected) => expect(normaliseMobile(raw)).toBe(expected));
});

describe('member facts', () => {
  const base = {
    idNumber: '11010519491231002X',
    birthDate: '1949-12-31',
    gender: 'female' as const,
    phone: '13812345678',
    joinedOn: '1970-01-01',
    fullOn: '1971-01-01',
    status: 'full' as const,
  };
  const today = '2026-11-26';

  it('a consistent record has no issues', () => expect(checkMemberFacts(base, today)).toEqual([]));

  it.each([
    [{ birthDate: '1949-12-30' }, 'birthDate', '身份证号中为 1949-12-31'],
    [{ gender: 'male' as const }, 'gender', '性别与身份证号不一致'],
    [{ phone: '1381234567' }, 'phone', '手机号'],
    [{ joinedOn: '1967-12-30' }, 'joinedOn', '未满18周岁'],
    [{ fullOn: '1970-01-01' }, 'fullOn', '应晚于入党时间'],
    [{ fullOn: null }, 'fullOn', '须填写转正时间'],
    [{ status: 'probationary' as const }, 'fullOn', '不应有转正时间'],
    [{ joinedOn: '2027-01-01', fullOn: null, status: 'probationary' as const }, 'joinedOn', '不能晚于今天'],
  ])('%o → %s', (change, field, words) => {
    const issues = checkMemberFacts({ ...base, ...change }, today);
    expect(issues).toContainEqual({ field, message: expect.stringContaining(words) });
  });

  it('joining on the 18th birthday is allowed, the day before is not', () => {
    expect(checkMemberFacts({ ...base, joinedOn: '1967-12-31', fullOn: '1968-12-31' }, today)).toEqual([]);
    expect(checkMemberFacts({ ...base, joinedOn: '1967-12-30', fullOn: '1968-12-31' }, today)[0]?.field).toBe('joinedOn');
  });

  it('someone born on 29 February comes of age on 1 March', () => {
    expect(ageOn('2000-02-29', '2018-02-28')).toBe(17);
    expect(ageOn('2000-02-29', '2018-03-01')).toBe(18);
    expect(ageOn('2000-02-29', '2020-02-29')).toBe(20);
  });
});
