/** Today and this month in Beijing time, whatever the browser's time zone (the server's rules use Beijing). */
export function beijingToday(): string {
  return new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
}
export const beijingMonth = () => beijingToday().slice(0, 7);
export const isMonth = (v: string | null): v is string => v !== null && /^\d{4}-(0[1-9]|1[0-2])$/.test(v);
