import { beijingDate, beijingDateTime } from '@tongxin/contracts/labels';

/** Dates and times as users read them: YYYY-MM-DD and 24-hour, in Beijing time (the contracts' time module). */
const valid = (value: string) => !Number.isNaN(Date.parse(value));

export function formatDate(value: string | null | undefined): string {
  if (!value) return '—';
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  return valid(value) ? beijingDate(value) : value;
}

export function formatDateTime(value: string | null | undefined, withSeconds = false): string {
  if (!value) return '—';
  return valid(value) ? beijingDateTime(value, withSeconds) : value;
}

export function formatNumber(n: number): string {
  return n.toLocaleString('zh-CN');
}
