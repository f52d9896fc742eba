/** Time source. Tests move it forward instead of sleeping. */
export interface Clock {
  now(): Date;
  iso(): string;
  advance(ms: number): void;
}

export function createClock(): Clock {
  let offset = 0;
  const now = () => new Date(Date.now() + offset);
  return {
    now,
    iso: () => now().toISOString(),
    advance(ms) {
      offset += ms;
    },
  };
}

export function addMs(date: Date, ms: number): string {
  return new Date(date.getTime() + ms).toISOString();
}

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** The calendar day (YYYY-MM-DD) in Asia/Shanghai (UTC+8, no daylight saving). */
export function cstDate(date: Date): string {
  return new Date(date.getTime() + 8 * HOUR).toISOString().slice(0, 10);
}

/** A moment as Chinese offices write it, in Asia/Shanghai: 2026年11月27日 14:30. */
export function cstDateTime(iso: string): string {
  const d = new Date(Date.parse(iso) + 8 * HOUR).toISOString();
  return `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日 ${d.slice(11, 16)}`;
}
