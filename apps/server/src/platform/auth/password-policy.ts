import { dictionary } from '@zxcvbn-ts/language-common';
import type { PasswordPolicyConfig } from '../config.js';

const COMMON = new Set((dictionary['passwords-common'] as string[]).slice(0, 3000));
// Words of this deployment that attackers try first.
const CONTEXT_WORDS = ['tongxin', 'luzhou', 'dangjian', 'dangyuan', 'gongchandang', 'zhongguo', 'woaini', 'admin', 'password'];

export interface PasswordContext {
  username?: string;
  displayName?: string;
}

/** AUTH-02: returns the broken rules as Chinese messages; empty means the password is acceptable. */
export function checkPassword(password: string, policy: PasswordPolicyConfig, ctx: PasswordContext = {}): string[] {
  const problems: string[] = [];
  const length = [...password].length;
  if (length < policy.minLength) problems.push(`密码长度不能少于${policy.minLength}位`);
  if (length > policy.maxLength) problems.push(`密码长度不能超过${policy.maxLength}位`);
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  if (classes < policy.minClasses) problems.push(`密码须包含大写字母、小写字母、数字、符号中的至少${policy.minClasses}类`);
  const lower = password.toLowerCase();
  if (COMMON.has(lower) || COMMON.has(lower.replace(/[^a-z0-9]/g, ''))) problems.push('密码过于常见，请换一个');
  const words = [...CONTEXT_WORDS, ctx.username?.toLowerCase(), ctx.displayName?.toLowerCase()].filter(
    (w): w is string => !!w && w.length >= 3,
  );
  const hit = words.find((w) => lower.includes(w));
  if (hit) problems.push(ctx.username && hit === ctx.username.toLowerCase() ? '密码不能包含用户名' : '密码不能包含常见词或姓名');
  return problems;
}

/** A random password that satisfies any policy up to 4 classes (for new accounts and resets). */
export function generatePassword(randomToken: (bytes: number) => string): string {
  const body = randomToken(12).replace(/[-_]/g, 'x');
  return `Tx-${body}7a`;
}
