import { beijingDate } from '@tongxin/contracts/labels';

/** Today and this month in Beijing time, whatever the browser's time zone (the server's rules use Beijing). */
export function beijingToday(): string {
  return beijingDate(Date.now());
}
export const beijingMonth = () => beijingToday().slice(0, 7);
export const isMonth = (v: string | null): v is string => v !== null && /^\d{4}-(0[1-9]|1[0-2])$/.test(v);
