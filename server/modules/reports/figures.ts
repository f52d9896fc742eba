/**
 * The figures a report states, taken from the statistics service (so the documents and the
 * statistics page never disagree), and the phrases that state them.
 */
import type { ItemStream } from '../../../shared/items.ts';
import type { StatsPeriod } from '../../../shared/periods.ts';
import type { ReportTable } from '../../../shared/schemas/reports.ts';
import type { StatsDimension, StatsFigures, StatsRow, StatsSummary } from '../../../shared/schemas/stats.ts';
import type { Tx } from '../../context.ts';
import type { OrgRef } from '../items/desks.ts';
import { statsSummary } from '../stats/stats.service.ts';

export function summaryOf(
  tx: Tx,
  desk: OrgRef,
  period: StatsPeriod,
  dimension: StatsDimension,
  stream?: ItemStream,
): Promise<StatsSummary> {
  return statsSummary(tx, { desks: [desk], units: [] }, { period, dimension, by: 'month', stream });
}

export const adopted = (f: StatsFigures) => f.adoptedNational + f.adoptedProvincial;
export const instructions = (f: StatsFigures) =>
  f.instructionCentral +
  f.instructionProvincialMain +
  f.instructionProvincial +
  f.instructionBureau +
  f.instructionCity;

export const percent = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);
/** Points as printed: at most two decimals, no trailing zeros. */
export const pointsText = (p: number) => String(Math.round(p * 100) / 100);

/** “增长12.5%”, “下降3.0%”, “持平”, or “上年同期无数据”. */
export function change(now: number, before: number): string {
  if (before === 0) return now === 0 ? '持平' : '上年同期无此项';
  const pct = ((now - before) / before) * 100;
  if (Math.abs(pct) < 0.05) return '持平';
  return `${pct > 0 ? '增长' : '下降'}${Math.abs(pct).toFixed(1)}%`;
}

/** The leading rows by a figure: “甲（12条）、乙（9条）、丙（9条）”; '' when none has any. */
export function leaders(
  rows: readonly StatsRow[],
  by: (f: StatsFigures) => number,
  n = 5,
  unit = '条',
): string {
  return [...rows]
    .filter((r) => by(r.figures) > 0)
    .sort((a, b) => by(b.figures) - by(a.figures) || a.label.localeCompare(b.label, 'zh-CN'))
    .slice(0, n)
    .map((r) => `${r.label}（${by(r.figures)}${unit}）`)
    .join('、');
}

/** Annex: each unit's submissions, use, upstream adoptions, instructions and points. */
export function unitTable(title: string, rows: readonly StatsRow[]): ReportTable {
  return {
    title,
    headers: ['序号', '单位', '来稿', '编用', '上报', '国家级采用', '省级采用', '批示', '得分'],
    widths: [5, 17, 5, 5, 5, 6, 6, 5, 6],
    numeric: [true, false, true, true, true, true, true, true, true],
    rows: rows.map((r, i) => [
      i + 1,
      r.label,
      r.figures.submitted,
      r.figures.published,
      r.figures.forwarded,
      r.figures.adoptedNational,
      r.figures.adoptedProvincial,
      instructions(r.figures),
      pointsText(r.figures.points),
    ]),
  };
}

/** Annex: each member's submissions, use, adoptions, instructions and points. */
export function memberTable(title: string, rows: readonly StatsRow[]): ReportTable {
  return {
    title,
    headers: ['序号', '委员', '所在单位', '来稿', '编用', '采用', '批示', '得分'],
    widths: [5, 7, 15, 5, 5, 5, 5, 6],
    numeric: [true, false, false, true, true, true, true, true],
    rows: rows.map((r, i) => [
      i + 1,
      r.label,
      r.note,
      r.figures.submitted,
      r.figures.published,
      adopted(r.figures),
      instructions(r.figures),
      pointsText(r.figures.points),
    ]),
  };
}

/** Annex: submissions, use, adoption and instructions by row (city, category, month). */
export function countTable(
  title: string,
  first: string,
  rows: readonly StatsRow[],
  total: StatsFigures,
): ReportTable {
  const line = (label: string, f: StatsFigures) => [
    label,
    f.submitted,
    f.published,
    adopted(f),
    instructions(f),
    percent(f.publishRate),
  ];
  return {
    title,
    headers: [first, '来稿', '编用', '上级采用', '批示', '编用率'],
    widths: [14, 6, 6, 7, 6, 7],
    numeric: [false, true, true, true, true, true],
    rows: [...rows.map((r) => line(r.label, r.figures)), line('合计', total)],
  };
}
