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
