import { idNumberCheckChar } from '@tongxin/contracts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanName, excelSerialDate, normaliseIdNumber, parseLooseDate, phoneText } from '../../../platform/excel/cell-values.js';
import { columnFor, normaliseHeader } from './ledger-columns.js';

const ok = (value: string) => ({ ok: true, value });

describe('dates as party affairs workers write them', () => {
  it.each([
    ['2020-01-02', '2020-01-02'],
    ['2020/1/2', '2020-01-02'],
    ['2020.1.2', '2020-01-02'],
    ['2020年1月2日', '2020-01-02'],
    ['２０２０年１月２日', '2020-01-02'],
    [' 2020 - 01 - 02 ', '2020-01-02'],
    ['20200102', '2020-01-02'],
    ['2020.01', '2020-01-01'],
    ['2020年1月', '2020-01-01'],
    ['2020-1', '2020-01-01'],
    ['202001', '2020-01-01'],
    ['2020-01-02 00:00:00', '2020-01-02'],
    ['43832', '2020-01-02'],
  ])('%s → %s', (text, iso) => expect(parseLooseDate(text, '入党时间')).toEqual(ok(iso)));

  it('Excel date cells, serial numbers and numbers that Excel made of text', () => {
    expect(parseLooseDate(new Date(Date.UTC(2020, 0, 2)), '入党时间')).toEqual(ok('2020-01-02'));
    // A date with a time of day is that day.
    expect(parseLooseDate(new Date(Date.UTC(2020, 0, 2, 23, 59, 59, 999)), '入党时间')).toEqual(ok('2020-01-02'));
    expect(parseLooseDate(43832, '入党时间')).toEqual(ok('2020-01-02'));
    expect(parseLooseDate(20200102, '入党时间')).toEqual(ok('2020-01-02'));
    expect(parseLooseDate(2020.05, '入党时间')).toEqual(ok('2020-05-01'));
    expect(parseLooseDate(2020.12, '入党时间')).toEqual(ok('2020-12-01'));
    expect(parseLooseDate({ formula: 'DATE(2020,1,2)', result: 43832 }, '入党时间')).toEqual(ok('2020-01-02'));
  });

  it('a year.month that Excel may have shortened, and impossible dates, are refused with a message naming the column', () => {
    expect(parseLooseDate(2020.1, '转正时间')).toEqual({ ok: false, message: expect.stringContaining('无法确定是1月还是10月') });
    for (const bad of ['2020-02-30', '2020-13-01', '去年', '1899-12-31', '2020-1-2-3']) {
      const r = parseLooseDate(bad, '转正时间');
      expect(r).toEqual({ ok: false, message: expect.stringMatching(/^转正时间「.+」不是有效日期/) });
    }
  });

  it('blank cells are no date at all', () => {
    expect(parseLooseDate(null, 'x')).toBeNull();
    expect(parseLooseDate('  ', 'x')).toBeNull();
  });

  it('Excel serials agree with the calendar (including after the phantom 1900-02-29)', () => {
    expect(excelSerialDate(1)).toBe('1900-01-01');
    expect(excelSerialDate(59)).toBe('1900-02-28');
    expect(excelSerialDate(61)).toBe('1900-03-01');
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1901-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }),
        (d) => {
          const day = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
          const serial = (day.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000;
          expect(excelSerialDate(serial)).toBe(day.toISOString().slice(0, 10));
        },
      ),
    );
  });
});

describe('ID numbers', () => {
  const id = (first17: string) => first17 + idNumberCheckChar(first17);

  it('full-width digits, inner spaces, a leading apostrophe and a small x are read', () => {
    const n = id('51010419900101123');
    const wide = n.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    expect(normaliseIdNumber(` ${wide.slice(0, 6)} ${wide.slice(6)} `)).toEqual(ok(n));
    expect(normaliseIdNumber(`'${n}`)).toEqual(ok(n));
    expect(normaliseIdNumber('11010519491231002x')).toEqual(ok('11010519491231002X'));
  });

  it('a number Excel has rounded (more than 15 digits) gets its own message; a 15-digit legacy number is kept', () => {
    expect(normaliseIdNumber(5.10104199001011e17)).toEqual({ ok: false, message: expect.stringContaining('设为「文本」格式') });
    expect(normaliseIdNumber('5.10104199001011E+17')).toEqual({ ok: false, message: expect.stringContaining('末尾几位已丢失') });
    expect(normaliseIdNumber(510104900101123)).toEqual(ok('510104900101123'));
    fc.assert(
      fc.property(fc.integer({ min: 1e15, max: Number.MAX_SAFE_INTEGER }), (n) => {
        expect(normaliseIdNumber(n)?.ok).toBe(false);
      }),
    );
  });
});

describe('names, phones and headers', () => {
  it('names lose stray spaces between Chinese characters, keep the middle dot', () => {
    expect(cleanName(' 张　三 ')).toBe('张三');
    expect(cleanName('买买提・艾力')).toBe('买买提·艾力');
    expect(cleanName('Anna  Li')).toBe('Anna Li');
  });

  it('phones as numbers or spaced text', () => {
    expect(phoneText(13812345678)).toBe('13812345678');
    expect(phoneText('138 1234 5678')).toBe('13812345678');
    expect(phoneText('１３８１２３４５６７８')).toBe('13812345678');
  });

  it('header variants map to the ledger columns', () => {
    expect(columnFor('身份证号码')).toBe('idNumber');
    expect(columnFor('公民身份号码')).toBe('idNumber');
    expect(columnFor(' 手机号 ')).toBe('phone');
    expect(columnFor('手机号码')).toBe('phone');
    expect(columnFor('文化程度')).toBe('education');
    expect(columnFor('入党日期')).toBe('joinedOn');
    expect(columnFor('转正日期')).toBe('fullOn');
    expect(columnFor('*姓名')).toBe('name');
    expect(columnFor('姓名（必填）')).toBe('name');
    expect(columnFor('所在党组织：')).toBe('org');
    expect(columnFor('工作单位及职务')).toBeUndefined();
    expect(normaliseHeader('身 份 证 号')).toBe('身份证号');
  });
});
