/**
 * Beijing time, the business calendar of server and web alike. The database keeps UTC instants (ISO text); "which
 * day, month, quarter or year" is always asked in Beijing (Asia/Shanghai, UTC+8 without daylight saving), so
 * 2026-03-31T16:00:00Z is already 2026-04-01 and the second quarter. Every conversion goes through this module:
 * no "+8 hours" arithmetic anywhere else (apps/server/src/platform/clock.ts delegates here).
 */
import dayjs, { type Dayjs } from 'dayjs';
import quarterOfYear from 'dayjs/plugin/quarterOfYear.js';
import timezone from 'dayjs/plugin/timezone.js';
import utc from 'dayjs/plugin/utc.js';

export const BEIJING_TIME_ZONE = 'Asia/Shanghai';

/** A calendar unit of the business: a day, a month, a quarter (Q1 = Jan–Mar) or a year. */
export type CalendarUnit = 'day' | 'month' | 'quarter' | 'year';

type Instant = Date | string | number;

// The plugins extend the shared dayjs on first use, not on import: contracts run nothing when imported.
let offsetMinutes: number | null = null;
function ready(): typeof dayjs {
  if (offsetMinutes === null) {
    dayjs.extend(utc);
    dayjs.extend(timezone);
    dayjs.extend(quarterOfYear);
    // Beijing's offset, from the time-zone database. Asia/Shanghai has kept one offset all year since 1991, so it
    // is exact for every instant the platform stores; the arithmetic below then runs in dayjs's UTC mode, which
    // costs a few microseconds where dayjs's `.tz()` formats through Intl on every call (about a millisecond).
    offsetMinutes = dayjs().tz(BEIJING_TIME_ZONE).utcOffset();
  }
  return dayjs;
}

/** An instant as Beijing wall-clock time (a UTC-mode dayjs whose fields read as in Beijing). */
function inBeijing(at: Instant): Dayjs {
  const d = ready().utc(at);
  if (!d.isValid()) throw new RangeError(`无效的时间：${String(at)}`);
  return d.add(offsetMinutes!, 'minute');
}

/** The instant (ISO) at which Beijing's wall clock shows the given (UTC-mode) dayjs. */
function instantOf(wallClock: Dayjs): string {
  return wallClock.subtract(offsetMinutes!, 'minute').toISOString();
}

/** A Beijing calendar date (YYYY-MM-DD) as a wall-clock dayjs at 00:00. */
function beijingMidnight(date: string): Dayjs {
  const d = ready().utc(date, 'YYYY-MM-DD');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !d.isValid()) throw new RangeError(`无效的日期：${date}`);
  return d;
}

/** The instant as Beijing wall-clock ISO text (YYYY-MM-DDTHH:mm:ss.sssZ read as Beijing time), for the hot paths. */
function wallClockText(at: Instant): string {
  ready();
  const ms = at instanceof Date ? at.getTime() : typeof at === 'number' ? at : Date.parse(at);
  if (Number.isNaN(ms)) throw new RangeError(`无效的时间：${String(at)}`);
  return new Date(ms + offsetMinutes! * 60_000).toISOString();
}

/** The Beijing calendar date of an instant, YYYY-MM-DD: 2026-03-31T15:59Z → 2026-03-31, 16:00Z → 2026-04-01. */
export function beijingDate(at: Instant): string {
  // Called once per request and per row in some lists: Date arithmetic on the zone's offset, not a dayjs object.
  return wallClockText(at).slice(0, 10);
}

/** The Beijing date and time of an instant, YYYY-MM-DD HH:mm (or HH:mm:ss). */
export function beijingDateTime(at: Instant, withSeconds = false): string {
  return wallClockText(at)
    .slice(0, withSeconds ? 19 : 16)
    .replace('T', ' ');
}

/** The Beijing month of an instant, YYYY-MM. */
export function beijingMonth(at: Instant): string {
  return inBeijing(at).format('YYYY-MM');
}

/** The Beijing year of an instant. */
export function beijingYear(at: Instant): number {
  return inBeijing(at).year();
}

/** The UTC instant (ISO) of a Beijing wall-clock date and time (YYYY-MM-DD, HH:mm). */
export function instantOfBeijing(date: string, time = '00:00'): string {
  if (!/^\d{2}:\d{2}(:\d{2})?$/.test(time)) throw new RangeError(`无效的时刻：${time}`);
  return instantOf(beijingMidnight(date).add(Date.parse(`1970-01-01T${time.length === 5 ? `${time}:00` : time}Z`), 'ms'));
}

/** The first and last Beijing dates (YYYY-MM-DD, both inclusive) of the day, month, quarter or year holding a date. */
export function beijingDateRange(date: string, unit: CalendarUnit): { first: string; last: string } {
  const day = beijingMidnight(date);
  return { first: day.startOf(unit).format('YYYY-MM-DD'), last: day.endOf(unit).format('YYYY-MM-DD') };
}

/**
 * The UTC instants (ISO) that bound the day, month, quarter or year holding a Beijing date: `from` is its first
 * moment, `until` the first moment after it (half-open, for `>= from and < until` on stored UTC text).
 */
export function beijingInstantRange(date: string, unit: CalendarUnit): { from: string; until: string } {
  const start = beijingMidnight(date).startOf(unit);
  return { from: instantOf(start), until: instantOf(start.add(1, unit)) };
}

/** Adds (or with a negative count, subtracts) days, months, quarters or years to a Beijing date. */
export function addToBeijingDate(date: string, count: number, unit: CalendarUnit): string {
  return beijingMidnight(date).add(count, unit).format('YYYY-MM-DD');
}
