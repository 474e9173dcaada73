import { describe, expect, it } from 'vitest';
import {
  DEFAULT_STUDY_HOUR_RULES,
  type StudyHourRules,
  type StudyKind,
  studyHoursOf,
  studyProgress,
  studyTarget,
} from './study-hour-rules.js';

const at = (hhmm: string) => `2026-05-10T${hhmm}:00.000Z`;

describe('study hours (DOMAIN.md defaults)', () => {
  const cases: [StudyKind, string, string, number][] = [
    ['training_day', '00:30', '09:30', 8],
    ['training_day', '01:00', '03:00', 8], // a training day counts 8 h whatever the clock says
    ['half_day_lecture', '01:00', '04:00', 4],
    ['half_day_lecture', '06:00', '07:00', 4],
    ['organised_study', '01:00', '02:00', 1],
    ['organised_study', '01:00', '03:30', 2.5],
    ['organised_study', '01:00', '02:40', 1.5], // to the half hour, rounded down
    ['organised_study', '01:00', '01:20', 0],
    ['organised_study', '03:00', '01:00', 0], // a bad span counts nothing
    ['none', '01:00', '09:00', 0],
  ];
  it.each(cases)('%s from %s to %s counts %s h', (studyKind, from, to, hours) => {
    expect(studyHoursOf({ studyKind, startsAt: at(from), endsAt: at(to) })).toBe(hours);
  });

  it('targets: 32 h a year, 56 h for secretaries and committee members', () => {
    expect(studyTarget(false)).toBe(32);
    expect(studyTarget(true)).toBe(56);
  });

  it('the rules are data: other figures count without code changes', () => {
    const rules: StudyHourRules = {
      byKind: { ...DEFAULT_STUDY_HOUR_RULES.byKind, organised_study: { kind: 'per_hour', hoursPerHour: 1.5 } },
      target: { member: 40, leader: 60 },
    };
    expect(studyHoursOf({ studyKind: 'organised_study', startsAt: at('01:00'), endsAt: at('03:00') }, rules)).toBe(3);
    expect(studyTarget(true, rules)).toBe(60);
  });

  it('progress adds up the occasions and says what is left, never below zero', () => {
    const year = [
      { studyKind: 'training_day' as const, startsAt: at('00:00'), endsAt: at('08:00') },
      { studyKind: 'half_day_lecture' as const, startsAt: at('01:00'), endsAt: at('04:00') },
      { studyKind: 'organised_study' as const, startsAt: at('01:00'), endsAt: at('03:00') },
    ];
    expect(studyProgress(year, false)).toEqual({ hours: 14, target: 32, remaining: 18, reached: false });
    const many = Array.from({ length: 5 }, () => year[0]!);
    expect(studyProgress(many, false)).toEqual({ hours: 40, target: 32, remaining: 0, reached: true });
    expect(studyProgress(many, true).remaining).toBe(16);
  });
});
