import { describe, expect, it } from 'vitest';
import { isSafeLink, relayState, signatureState } from './governance-rules.js';

describe('governance rules', () => {
  it('IN-01: accepts only http and https links with a host', () => {
    expect(isSafeLink('https://mp.weixin.qq.com/s/abc')).toBe(true);
    expect(isSafeLink('http://www.example.cn/a?b=1')).toBe(true);
    for (const bad of [
      'javascript:alert(1)',
      'JAVASCRIPT:alert(1)',
      'data:text/html,<b>x</b>',
      'file:///etc/passwd',
      'ftp://example.cn/x',
      '//example.cn/x',
      'www.example.cn',
      'https://user:pw@example.cn/',
      'https://exa mple.cn/',
      `https://example.cn/${'a'.repeat(500)}`,
    ]) {
      expect(isSafeLink(bad), bad).toBe(false);
    }
  });

  it('a relay report after the deadline is late, never refused; an open task past it is overdue', () => {
    const deadlineAt = '2026-06-01T10:00:00.000Z';
    expect(relayState({ reportedAt: '2026-06-01T09:00:00.000Z', deadlineAt }, new Date('2026-06-02'))).toBe('done');
    expect(relayState({ reportedAt: '2026-06-01T11:00:00.000Z', deadlineAt }, new Date('2026-06-02'))).toBe('late');
    expect(relayState({ reportedAt: null, deadlineAt }, new Date('2026-06-01T09:00:00.000Z'))).toBe('open');
    expect(relayState({ reportedAt: null, deadlineAt }, new Date('2026-06-01T10:00:01.000Z'))).toBe('overdue');
  });

  it('a signature of an older version asks for re-signing', () => {
    expect(signatureState(2, null)).toBe('unsigned');
    expect(signatureState(2, 1)).toBe('outdated');
    expect(signatureState(2, 2)).toBe('signed');
  });
});
