import { describe, expect, it } from 'vitest';
import { checkExtension, checkStep, type DevelopmentFacts, deadlineOf, nextStep, stageOf } from './development-checks.js';
import { DEVELOPMENT_STEPS, noticeEnd, probationEnd } from './development-rules.js';

const ME = '00000000-0000-4000-8000-000000000001';
const OTHER = '00000000-0000-4000-8000-000000000002';
const TODAY = '2030-01-01';

/** A file with steps 1..n done on the given dates (missing dates repeat the last). */
function file(dates: Record<number, string | string[]>, extra: Partial<DevelopmentFacts> = {}): DevelopmentFacts {
  const steps = Object.entries(dates).flatMap(([step, d]) =>
    (Array.isArray(d) ? d : [d]).map((doneOn) => ({ step: Number(step), doneOn })),
  );
  return { birthDate: '1995-05-05', steps, extensionMonths: null, notices: [], ...extra };
}
const through = (n: number, on: string, over: Record<number, string | string[]> = {}) =>
  file({ ...Object.fromEntries(Array.from({ length: n }, (_, i) => [i + 1, on])), ...over });
const messages = (f: DevelopmentFacts, input: Parameters<typeof checkStep>[1], today = TODAY) =>
  checkStep(f, input, today, ME).map((i) => i.message);
const ok = (f: DevelopmentFacts, input: Parameters<typeof checkStep>[1], today = TODAY) =>
  expect(messages(f, input, today)).toEqual([]);
const refused = (f: DevelopmentFacts, input: Parameters<typeof checkStep>[1], text: string) =>
  expect(messages(f, input).join('|')).toContain(text);

describe('the rules table', () => {
  it('holds 25 steps numbered in order over the 5 stages', () => {
    expect(DEVELOPMENT_STEPS.map((s) => s.no)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    expect([...new Set(DEVELOPMENT_STEPS.map((s) => s.stage))]).toEqual([
      'applicant',
      'activist',
      'candidate',
      'admission',
      'probation',
    ]);
  });
});

describe('time rules at their boundaries', () => {
  it.each([
    ['turns 18 that day', '1995-05-05', '2013-05-05', true],
    ['one day short of 18', '1995-05-05', '2013-05-04', false],
    ['born 29 February: 18 on 1 March', '2004-02-29', '2022-03-01', true],
    ['born 29 February: not yet on 28 February', '2004-02-29', '2022-02-28', false],
  ])('applicant at least 18: %s', (_, birthDate, doneOn, allowed) => {
    const r = messages(file({}, { birthDate }), { step: 1, doneOn });
    expect(r.length === 0).toBe(allowed);
    if (!allowed) expect(r[0]).toContain('年满18周岁');
  });

  it.each([
    ['exactly 1 month', '2026-01-15', '2026-02-15', true],
    ['one day late', '2026-01-15', '2026-02-16', false],
    ['31 January + 1 month is 28 February', '2026-01-31', '2026-02-28', true],
    ['leap year: 31 January 2028 + 1 month is 29 February', '2028-01-31', '2028-02-29', true],
  ])('talk within 1 month of the application: %s', (_, applied, talk, allowed) => {
    expect(messages(file({ 1: applied }), { step: 2, doneOn: talk }).length === 0).toBe(allowed);
  });

  it.each([
    ['exactly 1 year', '2025-03-10', '2026-03-10', true],
    ['one day short', '2025-03-10', '2026-03-09', false],
    ['activist on 29 February: a year later is 28 February', '2024-02-29', '2025-02-28', true],
    ['activist on 29 February: 27 February is short', '2024-02-29', '2025-02-27', false],
  ])('at least 1 year as activist before candidate: %s', (_, activist, candidate, allowed) => {
    // Reviews four and eight months in (and a week before) keep the six-monthly rule out of the way.
    const y = Number(activist.slice(0, 4));
    const m = Number(activist.slice(5, 7));
    const at = (months: number) =>
      `${y + Math.floor((m - 1 + months) / 12)}-${String(((m - 1 + months) % 12) + 1).padStart(2, '0')}-10`;
    const f = file({
      1: activist,
      2: activist,
      3: activist,
      4: activist,
      5: activist,
      6: [at(4), at(8), `${candidate.slice(0, 8)}01`],
    });
    const r = messages(f, { step: 7, doneOn: candidate });
    expect(r).toHaveLength(allowed ? 0 : 1);
    if (!allowed) expect(r[0]).toContain('满1年');
  });

  it.each([
    ['reviews at 6 and 12 months', ['2025-07-10', '2026-01-10'], true],
    ['a gap of 6 months and a day', ['2025-07-11', '2026-01-10'], false],
    ['no review in the last 6 months before candidate', ['2025-07-09'], false],
  ])('reviews every 6 months: %s', (_, reviews, allowed) => {
    const f = file({ 1: '2025-01-01', 2: '2025-01-10', 3: '2025-01-10', 4: '2025-01-10', 5: '2025-01-10', 6: reviews });
    expect(messages(f, { step: 7, doneOn: '2026-01-10' }).length === 0).toBe(allowed);
  });

  it.each([
    ['exactly 3 months', '2026-03-31', '2026-06-30', true],
    ['one day past', '2026-03-31', '2026-07-01', false],
    ['from 30 November to 29 February in a leap year', '2027-11-30', '2028-02-29', true],
  ])('approval within 3 months of the branch resolution: %s', (_, resolved, approved, allowed) => {
    const f = through(16, resolved);
    const r = messages(f, { step: 17, doneOn: approved });
    expect(r.length === 0).toBe(allowed);
    if (!allowed) expect(r[0]).toContain('3个月内审批');
  });

  it('probation: confirmation not before a year from the branch meeting, 29 February to 28 February', () => {
    const notices = [{ purpose: 'confirmation' as const, startsOn: '2025-02-10', endsOn: '2025-02-14', upheldObjections: 0 }];
    const f = { ...through(22, '2024-02-29'), notices };
    const vote = { entitled: 10, present: 8, inFavour: 7, candidateIds: [ME] };
    expect(probationEnd('2024-02-29', null)).toBe('2025-02-28');
    ok(f, { step: 23, doneOn: '2025-02-28', vote });
    refused(f, { step: 23, doneOn: '2025-02-27', vote }, '预备期至 2025-02-28 届满');
  });

  it.each([
    [6, true],
    [12, true],
    [5, false],
    [13, false],
  ])('probation extended once by %i months', (months, allowed) => {
    const f = through(20, '2026-01-10');
    expect(checkExtension(f, months).length === 0).toBe(allowed);
    if (allowed) expect(probationEnd('2026-01-10', months)).toBe(months === 6 ? '2027-07-10' : '2028-01-10');
  });

  it('an extension is refused a second time, before admission and after the confirmation vote', () => {
    expect(checkExtension({ ...through(20, '2026-01-10'), extensionMonths: 6 }, 6)[0]?.message).toBe('预备期只能延长一次');
    expect(checkExtension(through(15, '2026-01-10'), 6)[0]?.message).toContain('只有上级党委审批后');
    expect(checkExtension(through(23, '2026-01-10'), 6)[0]?.message).toContain('只有上级党委审批后');
  });

  it('an extended probation moves the confirmation vote', () => {
    const notices = [{ purpose: 'confirmation' as const, startsOn: '2027-05-01', endsOn: '2027-05-07', upheldObjections: 0 }];
    const f = { ...through(22, '2026-01-10'), extensionMonths: 6, notices };
    const vote = { entitled: 5, present: 5, inFavour: 5, candidateIds: [ME] };
    refused(f, { step: 23, doneOn: '2027-07-09', vote }, '2027-07-10');
    ok(f, { step: 23, doneOn: '2027-07-10', vote });
  });
});

describe('order, people and votes', () => {
  it('refuses a step out of order or done twice, and a date before the last step', () => {
    refused(through(3, '2026-01-10'), { step: 5, doneOn: '2026-02-01' }, '请先办理第4步');
    refused(through(3, '2026-01-10'), { step: 3, doneOn: '2026-02-01' }, '已经办理');
    refused(through(3, '2026-01-10'), { step: 4, doneOn: '2026-01-09' }, '不能早于上一步');
    refused(through(3, '2026-01-10'), { step: 4, doneOn: '2030-01-02' }, '不能晚于今天');
  });

  it('lets reviews repeat while the next step waits', () => {
    ok(through(6, '2026-01-10'), { step: 6, doneOn: '2026-06-01' });
  });

  it.each([
    [[], false],
    [[ME], true],
    [[ME, OTHER], true],
    [[ME, OTHER, '00000000-0000-4000-8000-000000000003'], false],
    [[ME, ME], false],
  ])('mentors 1–2: %j', (mentorIds, allowed) => {
    expect(messages(through(4, '2026-01-10'), { step: 5, doneOn: '2026-01-10', mentorIds }).length === 0).toBe(allowed);
  });

  it.each([
    [[ME], false],
    [[ME, OTHER], true],
  ])('two sponsors: %j', (sponsorIds, allowed) => {
    expect(messages(through(8, '2026-01-10'), { step: 9, doneOn: '2026-01-10', sponsorIds }).length === 0).toBe(allowed);
  });

  it.each([
    [3, 0, true],
    [0, 24, true],
    [2, 23, false],
    [2.5, 20, false],
  ])('training %d days / %d hours', (trainingDays, trainingHours, allowed) => {
    expect(
      messages(through(10, '2026-01-10'), { step: 11, doneOn: '2026-01-10', trainingDays, trainingHours }).length === 0,
    ).toBe(allowed);
  });

  it('needs a passed political review', () => {
    refused(through(9, '2026-01-10'), { step: 10, doneOn: '2026-01-10', passed: false }, '政治审查结论为合格');
  });

  it('needs the public notice ended without upheld objections before the branch committee review', () => {
    const base = through(11, '2026-03-02');
    refused(base, { step: 12, doneOn: '2026-03-20' }, '请先进行发展对象公示');
    const notice = {
      purpose: 'admission' as const,
      startsOn: '2026-03-02',
      endsOn: noticeEnd('2026-03-02', 5),
      upheldObjections: 0,
    };
    expect(notice.endsOn).toBe('2026-03-06');
    refused({ ...base, notices: [notice] }, { step: 12, doneOn: '2026-03-06' }, '期满后方可办理');
    ok({ ...base, notices: [notice] }, { step: 12, doneOn: '2026-03-07' });
    refused({ ...base, notices: [{ ...notice, upheldObjections: 1 }] }, { step: 12, doneOn: '2026-03-09' }, '反映属实');
  });

  it('votes one candidate at a time with the quorum rule', () => {
    const f = through(14, '2026-01-10');
    const v = { entitled: 9, present: 5, inFavour: 5 };
    ok(f, { step: 15, doneOn: '2026-01-10', vote: { ...v, candidateIds: [ME] } });
    refused(f, { step: 15, doneOn: '2026-01-10', vote: { ...v, candidateIds: [ME, OTHER] } }, '逐个表决');
    refused(f, { step: 15, doneOn: '2026-01-10', vote: { ...v, present: 4, candidateIds: [ME] } }, '表决无效');
    refused(f, { step: 15, doneOn: '2026-01-10', vote: { ...v, inFavour: 4, candidateIds: [ME] } }, '未通过');
  });
});

describe('working days, next step and deadlines', () => {
  it.each([
    ['2026-03-02', 5, '2026-03-06'], // Monday → Friday
    ['2026-03-05', 5, '2026-03-11'], // Thursday → next Wednesday
    ['2026-03-07', 5, '2026-03-13'], // a Saturday start counts from Monday
    ['2026-03-06', 1, '2026-03-06'],
  ])('notice from %s for %i working days ends %s', (start, days, end) => {
    expect(noticeEnd(start, days)).toBe(end);
  });

  it('gives the talk deadline, the review deadline and the probation end', () => {
    expect(nextStep(file({ 1: '2026-01-31' }))).toMatchObject({ step: 2, due: '2026-02-28' });
    expect(nextStep(through(5, '2026-01-10'))).toMatchObject({ step: 6, reviewDue: '2026-07-10' });
    expect(nextStep(through(6, '2026-01-10', { 6: ['2026-01-10', '2026-07-01'] }))).toMatchObject({
      step: 7,
      earliest: '2027-01-10',
      reviewDue: '2027-01-01',
    });
    expect(nextStep(through(17, '2026-01-10'))).toMatchObject({ step: 18, due: '2027-01-10' });
    expect(nextStep(through(25, '2026-01-10'))).toBeNull();
  });

  it('marks overdue after the due day and upcoming within 30 days', () => {
    const f = file({ 1: '2026-01-15' });
    expect(deadlineOf(f, '2026-02-15')).toMatchObject({ overdue: false, upcoming: true });
    expect(deadlineOf(f, '2026-02-16')).toMatchObject({ overdue: true, upcoming: false });
    expect(deadlineOf(f, '2026-01-15')).toMatchObject({ overdue: false, upcoming: false });
  });

  it('stages follow the latest step', () => {
    expect(stageOf(file({ 1: '2026-01-01', 2: '2026-01-02' }))).toBe('applicant');
    expect(stageOf(through(3, '2026-01-01'))).toBe('activist');
    expect(stageOf(through(12, '2026-01-01'))).toBe('admission');
    expect(stageOf(through(25, '2026-01-01'))).toBe('done');
  });
});
