/**
 * The member performance engine: pure, from an item's dated facts and the scheme to each
 * credited member's lines for one year. An item's points accrue in date order under the per-item
 * cap, each in the year of its event: used in December and adopted in January counts in both.
 */

import {
  PERFORMANCE_EVENTS,
  type PerformanceEvent,
  type PerformanceScheme,
} from '../../../shared/performance.ts';
import { formatPoints } from '../../../shared/scoring.ts';

export interface ItemFacts {
  itemId: number;
  title: string;
  number: string;
  stream: string;
  /** Member authors in order (position 0 first). */
  authors: readonly number[];
  /** China-calendar day of each event's first occurrence, or null if it has not happened. */
  on: Record<PerformanceEvent, string | null>;
}

export interface PerformanceLine {
  event: PerformanceEvent;
  on: string;
  /** Hundredths of a point. */
  points: number;
  note: string;
}

export interface PerformanceEntry {
  itemId: number;
  title: string;
  number: string;
  lines: PerformanceLine[];
  points: number;
}

const ORDER: readonly PerformanceEvent[] = ['submitted', 'used', 'adopted', 'instructed'];

/** The lines of one item (before crediting), over all years, under the cap. */
function itemLines(facts: ItemFacts, scheme: PerformanceScheme): PerformanceLine[] {
  const events = ORDER.filter((e) => facts.on[e] !== null)
    .map((e) => ({ event: e, on: facts.on[e] as string }))
    // By day; on one day in the order of the item's life.
    .sort((a, b) => a.on.localeCompare(b.on) || ORDER.indexOf(a.event) - ORDER.indexOf(b.event));
  const cap = scheme.capPerItem === null ? null : Math.round(scheme.capPerItem * 100);
  const lines: PerformanceLine[] = [];
  let sofar = 0;
  for (const { event, on } of events) {
    const full = Math.round(scheme[event] * 100);
    let points = full;
    let note = `${PERFORMANCE_EVENTS[event]}${formatPoints(full)}分`;
    if (cap !== null && sofar + points > cap) {
      points = Math.max(0, cap - sofar);
      note += `，单条上限${formatPoints(cap)}分，计${formatPoints(points)}分`;
    }
    sofar += points;
    if (points > 0) lines.push({ event, on, points, note });
  }
  return lines;
}

/**
 * Each member's entries for the year: items of the counted streams, credited by the scheme's
 * co-author policy, with the lines whose events fall in that year.
 */
export function performanceEntries(
  items: readonly ItemFacts[],
  scheme: PerformanceScheme,
  year: number,
): Map<number, PerformanceEntry[]> {
  const byMember = new Map<number, PerformanceEntry[]>();
  const prefix = `${year}-`;
  for (const facts of items) {
    if (!(scheme.streams as readonly string[]).includes(facts.stream)) continue;
    const lines = itemLines(facts, scheme).filter((l) => l.on.startsWith(prefix));
    if (lines.length === 0) continue;
    const credited = scheme.coauthors === 'lead_only' ? facts.authors.slice(0, 1) : facts.authors;
    const points = lines.reduce((s, l) => s + l.points, 0);
    for (const member of new Set(credited)) {
      const list = byMember.get(member) ?? [];
      list.push({ itemId: facts.itemId, title: facts.title, number: facts.number, lines, points });
      byMember.set(member, list);
    }
  }
  return byMember;
}
