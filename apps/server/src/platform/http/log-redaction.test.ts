import { describe, expect, it } from 'vitest';
import { maskPersonal, redactPersonal } from './log-redaction.js';

describe('maskPersonal', () => {
  it.each([
    ['姓名「11010519491231002X」', '姓名「110***********002X」'],
    ['510104 19900101 1234', '510***********1234'],
    ['电话 139-1234-5678 与 139 1234 5678', '电话 139****5678 与 139****5678'],
    ['+86 13912345678', '+86 139****5678'],
    ['8613912345678', '86*********78'],
    ['座机 83125678', '座机 83****78'],
    ['1990010112', '19******12'],
    ['123 4567', '12***67'],
  ])('masks %s', (text, masked) => expect(maskPersonal(text)).toBe(masked));

  it.each([
    '入党日期「2020-13-01」不是有效日期',
    '入党时间「2020.1」',
    '身份证号与第 4 行重复',
    '出生日期与身份证号不一致（身份证号中为 1990-01-02）',
    '金额 123456 分',
    '张三',
  ])('leaves %s as it is', (text) => expect(maskPersonal(text)).toBe(text));

  it('does not decode: a cell with % signs is quoted as written; redactPersonal decodes a URL first', () => {
    expect(maskPersonal('100%25')).toBe('100%25');
    expect(redactPersonal('/x?q=%31%33%39%31%32%33%34%35%36%37%38')).toBe('/x?q=139****5678');
  });

  it('masks what it has masked no further', () => {
    const once = maskPersonal('11010519491231002X 13912345678 83125678');
    expect(maskPersonal(once)).toBe(once);
    expect(once).not.toMatch(/\d{5,}/);
  });
});
