import type { PublicationView } from '../../../shared/schemas/issues.ts';

export type { PublicationView };

/** A CPPCC whose publications the user sees (GET /publication-orgs). */
export interface PublicationOrg {
  id: number;
  name: string;
  /** The user keeps this CPPCC's publications and approval chains (system administrator). */
  manage: boolean;
}

export interface PublicationAbilities {
  manage: boolean;
  compile: boolean;
}

const HOUR = 3_600_000;
const CST_OFFSET = 8 * HOUR;

/** The calendar date in China time (YYYY-MM-DD) of an instant. */
export function cstDay(instant: string | Date): string {
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  return new Date(date.getTime() + CST_OFFSET).toISOString().slice(0, 10);
}

/** Day of the week in China time, Monday 0 … Sunday 6 (the server counts weeks the same way). */
export function cstWeekday(now: Date): number {
  return (new Date(now.getTime() + CST_OFFSET).getUTCDay() + 6) % 7;
}

export interface Cadence {
  /** “本周已编发 1/2 期” or “不定期”. */
  text: string;
  /** Fewer issued than the working days gone by call for. */
  behind: boolean;
  /** How many should have been issued by now (for the explanation). */
  expected: number;
}

/**
 * This week's progress against the cadence. The issues due are spread over the five working
 * days: by the start of Thursday three of them have passed, so a twice-weekly publication should
 * have issued one (⌊2 × 3 / 5⌋) and 0/2 is behind; at the weekend all are due.
 */
export function cadenceOf(
  publication: Pick<PublicationView, 'perWeek' | 'issuedThisWeek'>,
  now: Date,
): Cadence {
  const { perWeek, issuedThisWeek } = publication;
  if (perWeek <= 0) return { text: '不定期', behind: false, expected: 0 };
  const workdaysPassed = Math.min(cstWeekday(now), 5);
  const expected = Math.floor((perWeek * workdaysPassed) / 5);
  return {
    text: `本周已编发 ${issuedThisWeek}/${perWeek} 期`,
    behind: issuedThisWeek < expected,
    expected,
  };
}

/** `#C00000` from the stored `C00000`; null when it is not a six-digit hex value. */
export function colorOf(hex: string | undefined): string | null {
  return hex && /^[0-9A-Fa-f]{6}$/.test(hex) ? `#${hex.toUpperCase()}` : null;
}

/** The default publisher of a new publication: the CPPCC's general office. */
export function defaultPublisher(orgName: string): string {
  return `${orgName}办公厅`;
}
