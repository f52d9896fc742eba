import type { FastifyReply } from 'fastify';
import {
  STATS_DIMENSIONS,
  STATS_MEASURES,
  STATS_RATES,
  type StatsRow,
  type StatsSummary,
} from '../../../shared/schemas/stats.ts';
import { sendXlsxStream, type XlsxColumn } from '../../lib/xlsx.ts';

const percent = (r: number | null) => (r === null ? '—' : `${(r * 100).toFixed(1)}%`);

/** The header of the first column, by dimension. */
const FIRST = { org: '报送单位', member: '委员', city: '市', topic: '信息分类', trend: '时间' } as const;
const NOTE = { org: '所属市', member: '所在单位', city: '', topic: '', trend: '起止日期' } as const;

/**
 * One statistics table as a workbook: the watermark line (who exported it, when, which period),
 * Chinese headers, a row per unit / member / city / topic / step, and the totals last.
 */
export function sendStatsXlsx(reply: FastifyReply, s: StatsSummary, who: string, at: string): FastifyReply {
  const d = s.dimension;
  const columns: XlsxColumn<StatsRow>[] = [
    { header: FIRST[d], width: d === 'trend' ? 34 : 28, value: (r) => r.label },
    ...(NOTE[d] ? [{ header: NOTE[d], width: 24, value: (r: StatsRow) => r.note }] : []),
    ...Object.entries(STATS_MEASURES).map(([k, m]) => ({
      header: m.label,
      width: Math.max(8, m.label.length * 2 + 2),
      value: (r: StatsRow) => r.figures[k as keyof typeof STATS_MEASURES],
    })),
    { header: STATS_RATES.publishRate.label, width: 10, value: (r) => percent(r.figures.publishRate) },
    { header: STATS_RATES.adoptionRate.label, width: 10, value: (r) => percent(r.figures.adoptionRate) },
  ];
  const totals: StatsRow = { key: 'total', label: '合计', note: '', figures: s.totals };
  return sendXlsxStream<StatsRow>(reply, {
    filename: `信息工作统计-${STATS_DIMENSIONS[d]}-${s.period.label}.xlsx`,
    sheet: STATS_DIMENSIONS[d],
    watermark: `${s.period.label}信息工作统计（按${STATS_DIMENSIONS[d]}）  范围：${s.scope.join('、')}  导出人：${who}  导出时间：${at}  内部资料 注意保存`,
    columns,
    pages: (async function* () {
      yield [...s.rows, totals];
    })(),
  });
}
