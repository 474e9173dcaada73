import { describe, expect, it } from 'vitest';
import {
  addDaysToDate,
  SERVICE_ACTIONS,
  SERVICE_CATEGORIES,
  SERVICE_CATEGORY_GROUP,
  SERVICE_DUE_RULES,
  SERVICE_STATUSES,
  type ServiceAction,
  type ServiceDueRule,
  type ServiceStatus,
  serviceDueDate,
  serviceDueRuleOn,
  serviceNextStatus,
  serviceOverdue,
  serviceRefusal,
  serviceReopenDueDate,
  serviceSideAllows,
} from './service-request-rules.js';

/**
 * The whole state machine, every status × every action: the status it leads to, or '-' where it is refused.
 * Columns in SERVICE_ACTIONS order: assign, answer, reopen, close, withdraw, message.
 */
const TABLE: Record<ServiceStatus, string> = {
  open: '        in_progress  -         -            -       withdrawn  open',
  in_progress: 'in_progress  answered  -            -       withdrawn  in_progress',
  answered: '    -            -         in_progress  closed  -          answered',
  closed: '      -            -         -            -       -          -',
  withdrawn: '   -            -         -            -       -          -',
};
const cases = SERVICE_STATUSES.flatMap((status) => {
  const cells = TABLE[status].trim().split(/\s+/);
  expect(cells).toHaveLength(SERVICE_ACTIONS.length);
  return SERVICE_ACTIONS.map((action, i) => [status, action, cells[i] === '-' ? null : cells[i]] as const);
});

describe('the service request state machine', () => {
  it.each(cases)('%s + %s → %s', (status, action, next) => {
    expect(serviceNextStatus(status, action)).toBe(next);
  });
  it('has 10 allowed and 20 refused transitions', () => {
    expect(cases.filter(([, , n]) => n !== null)).toHaveLength(10);
    expect(cases.filter(([, , n]) => n === null)).toHaveLength(20);
  });
  it.each(cases.filter(([, , n]) => n === null))('refusing %s + %s says why, in Chinese', (status, action) => {
    expect(serviceRefusal(status, action)).toMatch(/[\u4e00-\u9fa5]/);
  });
  it('names the terminal status when refusing on a closed or withdrawn request', () => {
    expect(serviceRefusal('closed', 'reopen')).toBe('该诉求已办结，不能再重新办理');
    expect(serviceRefusal('withdrawn', 'message')).toBe('该诉求已撤回，不能再留言');
    expect(serviceRefusal('open', 'answer')).toBe('请先指派承办人再答复');
  });
});

describe('who acts', () => {
  const SIDE: Record<ServiceAction, string> = {
    assign: 'handler',
    answer: 'handler',
    reopen: 'requester',
    close: 'requester',
    withdraw: 'requester',
    message: 'either',
  };
  it.each(SERVICE_ACTIONS.map((a) => [a, SIDE[a]] as const))('%s is for the %s side', (action, side) => {
    const asRequester = serviceSideAllows(action, { requester: true, handler: false });
    const asHandler = serviceSideAllows(action, { requester: false, handler: true });
    expect([asRequester, asHandler]).toEqual([side !== 'handler', side !== 'requester']);
    expect(serviceSideAllows(action, { requester: false, handler: false })).toBe(false);
  });
});

describe('due dates', () => {
  it('every category has a group and a positive number of days in every rule version', () => {
    for (const c of SERVICE_CATEGORIES) {
      expect(SERVICE_CATEGORY_GROUP[c]).toBeDefined();
      for (const r of SERVICE_DUE_RULES) expect(r.days[c]).toBeGreaterThan(0);
    }
  });
  it('counts calendar days from the raising day, across month and year ends', () => {
    expect(serviceDueDate('policy', '2026-03-01')).toEqual({ dueOn: '2026-03-06', ruleVersion: '2026.1' });
    expect(serviceDueDate('financing', '2026-12-20')).toEqual({ dueOn: '2027-01-09', ruleVersion: '2026.1' });
    expect(serviceDueDate('org_life', '2028-02-25').dueOn).toBe('2028-03-03');
    expect(addDaysToDate('2026-02-28', 1)).toBe('2026-03-01');
  });
  it('applies the version in force on the raising day, and stores which', () => {
    const base = SERVICE_DUE_RULES[0]!;
    const rules: ServiceDueRule[] = [
      base,
      { version: '2027.1', effectiveFrom: '2027-01-01', days: { ...base.days, policy: 3 }, reopenDays: 5 },
    ];
    expect(serviceDueDate('policy', '2026-12-31', rules)).toEqual({ dueOn: '2027-01-05', ruleVersion: '2026.1' });
    expect(serviceDueDate('policy', '2027-01-01', rules)).toEqual({ dueOn: '2027-01-04', ruleVersion: '2027.1' });
    expect(serviceReopenDueDate('2026-12-31', null, rules)).toBe('2027-01-07');
    expect(serviceReopenDueDate('2027-01-02', null, rules)).toBe('2027-01-07');
    expect(() => serviceDueRuleOn('2026-01-01', rules.slice(1))).toThrow();
  });
  it('reopening gives the rule’s period from that day, never less time than the request already had', () => {
    expect(serviceReopenDueDate('2026-03-10', '2026-03-12')).toBe('2026-03-17');
    expect(serviceReopenDueDate('2026-03-10', '2026-03-30')).toBe('2026-03-30');
    expect(serviceReopenDueDate('2026-03-10', '2026-03-01')).toBe('2026-03-17');
  });
  it('a request is overdue only while the committee owes an answer, from the day after the due day', () => {
    expect(serviceOverdue({ status: 'open', dueOn: '2026-03-10' }, '2026-03-10')).toBe(false);
    expect(serviceOverdue({ status: 'open', dueOn: '2026-03-10' }, '2026-03-11')).toBe(true);
    expect(serviceOverdue({ status: 'in_progress', dueOn: '2026-03-10' }, '2026-03-11')).toBe(true);
    for (const status of ['answered', 'closed', 'withdrawn'] as const) {
      expect(serviceOverdue({ status, dueOn: '2026-03-10' }, '2026-04-01')).toBe(false);
    }
  });
});
