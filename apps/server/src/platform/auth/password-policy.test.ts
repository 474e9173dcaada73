import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkPassword } from './password-policy.js';

const policy = { minLength: 8, maxLength: 128, minClasses: 3 };

describe('AUTH-02 password policy', () => {
  it.each([
    ['Abcdef1!', true, 'eight characters, four classes'],
    ['Abcdefg1', true, 'three classes'],
    ['abcdefg1', false, 'two classes'],
    ['Ab1!', false, 'too short'],
    ['Password1', false, 'a common password'],
    ['Zhangsan#2026', false, 'contains the username'],
    [`Aa1!${'x'.repeat(60)}`, true, '64 characters'],
    [`Aa1!${'x'.repeat(125)}`, false, 'over 128'],
    ['密码Mima2026好', true, 'Unicode counts as a symbol class'],
    ['Ab 1 cdef', true, 'spaces are allowed and not trimmed'],
    ['Tongxin#2026', false, 'a context word'],
  ])('%s → %s (%s)', (password, ok) => {
    expect(checkPassword(password, policy, { username: 'zhangsan' }).length === 0).toBe(ok);
  });

  it('names each broken rule in Chinese', () => {
    expect(checkPassword('abc', policy)).toEqual(['密码长度不能少于8位', '密码须包含大写字母、小写字母、数字、符号中的至少3类']);
  });

  it('accepted ⇒ every policy predicate holds', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 0, maxLength: 140 }),
        fc.string({ minLength: 3, maxLength: 10 }),
        (password, username) => {
          if (checkPassword(password, policy, { username }).length > 0) return;
          const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
          expect([...password].length).toBeGreaterThanOrEqual(8);
          expect([...password].length).toBeLessThanOrEqual(128);
          expect(classes).toBeGreaterThanOrEqual(3);
          expect(password.toLowerCase().includes(username.toLowerCase())).toBe(false);
        },
      ),
    );
  });
});
