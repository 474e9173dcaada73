import type { LedgerFinding } from '@tongxin/contracts';
import { describe, expect, it } from 'vitest';
import { FindingCollector } from './findings.js';

const member = (name: string): LedgerFinding['subject'] => ({
  type: 'member',
  id: name,
  name,
  orgId: 'o',
  orgName: '支部',
  idNumberMasked: null,
});

describe('FindingCollector', () => {
  it('counts every finding but keeps at most the limit per kind, listed by kind then name (pinyin order)', () => {
    const c = new FindingCollector(2);
    for (const name of ['甲', '乙', '丙']) c.add({ kind: 'missing_phone', severity: 'notice', message: 'm' }, member(name));
    c.add({ kind: 'missing_full_on', severity: 'warning', message: 'm' }, member('丁'));
    expect(c.totals.missing_phone).toBe(3);
    expect(c.totals.missing_full_on).toBe(1);
    expect(c.totals.duplicate).toBe(0);
    expect(c.list().map((f) => [f.kind, f.subject.name])).toEqual([
      ['missing_full_on', '丁'],
      ['missing_phone', '甲'],
      ['missing_phone', '乙'],
    ]);
  });

  it('lets a severe finding take the place of a milder one when the kind is full, and lists it first', () => {
    const c = new FindingCollector(2);
    c.add({ kind: 'probation_overdue', severity: 'warning', message: 'w' }, member('甲'));
    c.add({ kind: 'probation_overdue', severity: 'warning', message: 'w' }, member('乙'));
    c.add({ kind: 'probation_overdue', severity: 'severe', message: 's' }, member('丙'));
    c.add({ kind: 'probation_overdue', severity: 'warning', message: 'w' }, member('丁'));
    expect(c.totals.probation_overdue).toBe(4);
    const kept = c.list();
    expect(kept.map((f) => f.severity)).toEqual(['severe', 'warning']);
    expect(kept[0]!.subject.name).toBe('丙');
  });
});
