const pad = (n: number) => String(n).padStart(2, '0');

/** `YYYY-MM-DD HH:mm` in local time; '—' for no value. */
export function formatDateTime(value: string | Date | null | undefined): string {
  if (!value) return '—';
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return String(value);
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

const BROWSERS: [RegExp, string][] = [
  [/MicroMessenger/, '微信'],
  [/Edg\//, 'Edge'],
  [/Firefox\//, 'Firefox'],
  [/Chrome\//, 'Chrome'],
  [/Safari\//, 'Safari'],
];
const SYSTEMS: [RegExp, string][] = [
  [/Android/, 'Android'],
  [/iPhone|iPad|iPod/, 'iOS'],
  [/Windows/, 'Windows'],
  [/Mac OS X/, 'macOS'],
  [/Linux/, 'Linux'],
];

const pick = (ua: string, table: [RegExp, string][]) => table.find(([pattern]) => pattern.test(ua))?.[1];

/** A short, readable description of a user-agent string (the full string goes in a tooltip). */
export function describeUserAgent(ua: string): string {
  if (!ua) return '—';
  const browser = pick(ua, BROWSERS) ?? '其他客户端';
  const system = pick(ua, SYSTEMS);
  return system ? `${browser} · ${system}` : browser;
}

/** Today in the China calendar (the office's calendar, whatever the browser's time zone). */
export function beijingToday(): { year: number; month: number; day: string } {
  const day = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  return { year: Number(day.slice(0, 4)), month: Number(day.slice(5, 7)), day };
}
