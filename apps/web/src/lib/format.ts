/** Dates and times as users read them: YYYY-MM-DD and 24-hour, in Beijing time. */
const parts = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

function pick(iso: string): Record<string, string> | null {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return null;
  return Object.fromEntries(parts.formatToParts(d).map((p) => [p.type, p.value]));
}

export function formatDate(value: string | null | undefined): string {
  if (!value) return '—';
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const p = pick(value);
  return p ? `${p.year}-${p.month}-${p.day}` : value;
}

export function formatDateTime(value: string | null | undefined, withSeconds = false): string {
  if (!value) return '—';
  const p = pick(value);
  if (!p) return value;
  const time = withSeconds ? `${p.hour}:${p.minute}:${p.second}` : `${p.hour}:${p.minute}`;
  return `${p.year}-${p.month}-${p.day} ${time}`;
}

export function formatNumber(n: number): string {
  return n.toLocaleString('zh-CN');
}
