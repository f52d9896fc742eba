/**
 * The words and tables of each generated document. A section the office writes carries an
 * `editable` key: the default paragraphs are replaced by what the office typed (blank lines
 * separate paragraphs); a section left empty is not printed.
 */
import { chineseDate } from '../../../shared/issues.ts';
import { calendarPeriod } from '../../../shared/periods.ts';
import {
  REPORT_KINDS,
  type ReportChart,
  type ReportModel,
  type ReportQuery,
} from '../../../shared/schemas/reports.ts';
import type { StatsRow, StatsSummary } from '../../../shared/schemas/stats.ts';
import type { Tx } from '../../context.ts';
import { cstDate } from '../../lib/clock.ts';
import type { OrgRef } from '../items/desks.ts';
import {
  adopted,
  change,
  countTable,
  instructions,
  leaders,
  memberTable,
  percent,
  summaryOf,
  unitTable,
} from './figures.ts';

export interface DeskInfo extends OrgRef {
  shortName: string;
  type: string;
  /** 编印单位 of its publications, e.g. 政协安徽省委员会办公厅. */
  office: string;
}

export async function deskInfo(tx: Tx, desk: OrgRef): Promise<DeskInfo> {
  const org = await tx
    .selectFrom('organizations')
    .select(['short_name', 'type'])
    .where('id', '=', desk.id)
    .executeTakeFirstOrThrow();
  const publication = await tx
    .selectFrom('publications')
    .select('publisher')
    .where('org_id', '=', desk.id)
    .orderBy('sort_order')
    .executeTakeFirst();
  return {
    ...desk,
    shortName: org.short_name || desk.name,
    type: org.type,
    office: publication?.publisher || `${desk.name}办公厅`,
  };
}

const QUARTER_REQUIREMENTS = [
  '各单位要进一步提高对社情民意信息工作重要性的认识，围绕党委政府中心工作和群众普遍关心的热点难点问题，深入调查研究，提高信息的时效性和针对性。',
  '要落实专人负责，健全信息报送机制，确保信息数量和质量稳步提升。报送信息较少或未报送信息的单位，要认真查找原因，切实加以改进。',
];
const PLANS = [
  '（一）紧扣中心大局。围绕党委政府重大决策部署和群众急难愁盼问题，有针对性地组织信息报送，提高信息的前瞻性和可用性。',
  '（二）拓宽信息来源。加强与各参加单位、各专门委员会和广大委员的联系，发挥特邀信息员作用，推动信息工作向基层延伸。',
  '（三）健全工作机制。完善信息约稿、编报、反馈和考评制度，做好季度通报和评选表彰工作，调动各方面报送信息的积极性。',
];

function salutation(desk: DeskInfo, kind: ReportQuery['kind']): string {
  if (kind === 'year') return `${desk.shortName}党组、主席会议：`;
  if (kind === 'half') return `${desk.shortName}秘书长办公会议：`;
  if (desk.type === 'cppcc_province') return '各市政协，省政协各参加单位、各专门委员会，各位委员：';
  if (desk.type === 'cppcc_city') return '各县（市、区）政协，市政协各参加单位、各专门委员会，各位委员：';
  return '县政协各参加单位、各专门委员会，各位委员：';
}

/** “，编用率85.0%”, or nothing when the rate has no base (no submissions, nothing sent upstream). */
const rate = (name: string, r: number | null) => (r === null ? '' : `，${name}${percent(r)}`);

/** The overview sentence shared by every document. */
function overview(periodLabel: string, desk: DeskInfo, s: StatsSummary, sqmy: number, zhxx: number): string {
  const t = s.totals;
  return (
    `${periodLabel}，${desk.shortName}共收到各地各单位和委员报送信息${t.submitted}条，其中社情民意信息${sqmy}条、` +
    `政协综合信息${zhxx}条；登记${t.registered}条，在本级刊物编用${t.published}条（单篇${t.publishedSingle}条、` +
    `综合${t.publishedCombined}条）${rate('编用率', t.publishRate)}；转办${t.referred}条；随刊物上报${t.forwarded}条，` +
    `被国家级机关采用${t.adoptedNational}条、省级机关采用${t.adoptedProvincial}条${rate('采用率', t.adoptionRate)}；` +
    `获领导同志批示${instructions(t)}件次。`
  );
}

/** A bar chart of the rows with most submissions. */
function topChart(title: string, rows: readonly StatsRow[], n: number): ReportChart {
  const top = [...rows].filter((r) => r.figures.submitted > 0).slice(0, n);
  return {
    title,
    categories: top.map((r) => r.label),
    series: [{ name: '来稿', type: 'bar', values: top.map((r) => r.figures.submitted) }],
  };
}

/** The quarterly notification (季度通报, R4.7): each unit's and member's submissions and adoptions. */
export async function quarterlyReport(
  tx: Tx,
  desk: DeskInfo,
  year: number,
  q: number,
  now: Date,
): Promise<ReportModel> {
  const period = calendarPeriod('quarter', year, q);
  const [units, members, sqmy, zhxx] = await Promise.all([
    summaryOf(tx, desk, period, 'org'),
    summaryOf(tx, desk, period, 'member'),
    summaryOf(tx, desk, period, 'org', 'sqmy'),
    summaryOf(tx, desk, period, 'org', 'zhxx'),
  ]);
  const activeMembers = members.rows.filter((r) => r.figures.submitted > 0).length;
  const unitLeaders = leaders(units.rows, (f) => f.submitted);
  const unitAdopted = leaders(units.rows, adopted);
  const memberLeaders = leaders(members.rows, (f) => f.submitted);
  return {
    kind: 'quarter',
    orgId: desk.id,
    orgName: desk.name,
    periodLabel: period.label,
    title: `关于${period.label}政协信息工作情况的通报`,
    salutation: salutation(desk, 'quarter'),
    sections: [
      {
        heading: '',
        paragraphs: [
          `现将${period.label}（${chineseDate(period.fromDay)}至${chineseDate(units.period.lastDay)}）各单位和委员报送、采用信息情况通报如下。`,
          overview(period.label, desk, units, sqmy.totals.submitted, zhxx.totals.submitted),
        ],
        editable: null,
        charts: [],
      },
      {
        heading: '一、各单位报送和采用情况',
        paragraphs: [
          `本季度共有${units.rows.filter((r) => r.figures.submitted > 0).length}个单位报送信息。` +
            (unitLeaders ? `报送信息较多的单位是：${unitLeaders}。` : '') +
            (unitAdopted ? `被上级采用信息较多的单位是：${unitAdopted}。` : '') +
            '各单位报送和采用情况见附件1。',
        ],
        editable: null,
        charts: [],
      },
      {
        heading: '二、委员报送和采用情况',
        paragraphs: [
          `本季度共有${activeMembers}位委员报送信息。` +
            (memberLeaders ? `报送信息较多的委员是：${memberLeaders}。` : '') +
            '委员报送和采用情况见附件2。',
        ],
        editable: null,
        charts: [],
      },
      {
        heading: '三、下一步工作要求',
        paragraphs: QUARTER_REQUIREMENTS,
        editable: 'requirements',
        charts: [],
      },
    ],
    annexes: [
      unitTable(`附件1　${period.label}各单位报送和采用信息情况`, units.rows),
      memberTable(`附件2　${period.label}委员报送和采用信息情况`, members.rows),
    ],
    office: desk.office,
    date: chineseDate(cstDate(now)),
  };
}

/** The half-yearly or annual information-work report (R4.1), compared with a year before. */
export async function workReport(
  tx: Tx,
  desk: DeskInfo,
  kind: 'half' | 'year',
  year: number,
  index: number,
  now: Date,
): Promise<ReportModel> {
  const period = calendarPeriod(kind, year, kind === 'year' ? 0 : index);
  const before = calendarPeriod(kind, year - 1, kind === 'year' ? 0 : index);
  const [units, cities, topics, trend, members, last, sqmy, zhxx] = await Promise.all([
    summaryOf(tx, desk, period, 'org'),
    summaryOf(tx, desk, period, 'city'),
    summaryOf(tx, desk, period, 'topic'),
    summaryOf(tx, desk, period, 'trend'),
    summaryOf(tx, desk, period, 'member'),
    summaryOf(tx, desk, before, 'org'),
    summaryOf(tx, desk, period, 'org', 'sqmy'),
    summaryOf(tx, desk, period, 'org', 'zhxx'),
  ]);
  const t = units.totals;
  const p = last.totals;
  const share = (n: number) => (t.submitted ? `${((n / t.submitted) * 100).toFixed(1)}%` : '—');
  const topTopics = [...topics.rows]
    .filter((r) => r.figures.submitted > 0)
    .slice(0, 5)
    .map((r) => `${r.label}（${r.figures.submitted}条，占${share(r.figures.submitted)}）`)
    .join('、');
  const months = trend.rows.map((r) => `${Number(r.key.slice(5))}月${r.figures.submitted}条`).join('、');
  const cityLeaders = leaders(
    cities.rows.filter((r) => r.key !== 'none'),
    (f) => f.submitted,
  );
  const label = period.label;
  return {
    kind,
    orgId: desk.id,
    orgName: desk.name,
    periodLabel: label,
    title: `关于${label}政协信息工作情况的报告`,
    salutation: salutation(desk, kind),
    sections: [
      {
        heading: '',
        paragraphs: [`现将${label}政协信息工作情况报告如下。`],
        editable: null,
        charts: [],
      },
      {
        heading: '一、基本情况',
        paragraphs: [
          overview(label, desk, units, sqmy.totals.submitted, zhxx.totals.submitted),
          `与上年同期相比，来稿${change(t.submitted, p.submitted)}，编用${change(t.published, p.published)}，` +
            `上级采用${change(adopted(t), adopted(p))}，领导批示${change(instructions(t), instructions(p))}。` +
            `其中，获中央领导批示${t.instructionCentral}件次、省主要领导批示${t.instructionProvincialMain}件次、` +
            `省级领导批示${t.instructionProvincial}件次。`,
        ],
        editable: null,
        charts: [],
      },
      {
        heading: '二、主要特点',
        paragraphs: [
          `（一）报送面进一步扩大。共有${units.rows.filter((r) => r.figures.submitted > 0).length}个单位、` +
            `${members.rows.filter((r) => r.figures.submitted > 0).length}位委员报送信息。` +
            (leaders(units.rows, (f) => f.submitted)
              ? `报送较多的单位是：${leaders(units.rows, (f) => f.submitted)}。`
              : '') +
            (cityLeaders ? `各市（含所辖县区）中，报送较多的是：${cityLeaders}。` : ''),
          topTopics
            ? `（二）内容较为集中。从信息内容看，反映较多的是：${topTopics}。`
            : '（二）本期暂无分类信息。',
          `（三）月度分布。${months ? `各月来稿分别为：${months}。` : ''}详见附件。`,
        ],
        editable: null,
        charts: [
          {
            title: `${label}各月来稿、编用和上级采用情况`,
            categories: trend.rows.map((r) => `${Number(r.key.slice(5))}月`),
            series: [
              { name: '来稿', type: 'bar', values: trend.rows.map((r) => r.figures.submitted) },
              { name: '编用', type: 'bar', values: trend.rows.map((r) => r.figures.published) },
              { name: '上级采用', type: 'line', values: trend.rows.map((r) => adopted(r.figures)) },
            ],
          } satisfies ReportChart,
          topChart(`${label}信息内容分布（来稿前8类）`, topics.rows, 8),
          topChart(
            `${label}各市（含所辖县区）来稿情况`,
            cities.rows.filter((r) => r.key !== 'none'),
            16,
          ),
        ].filter((c) => c.categories.length > 0),
      },
      { heading: '三、存在的问题', paragraphs: [], editable: 'problems', charts: [] },
      { heading: '四、下一步工作打算', paragraphs: PLANS, editable: 'plans', charts: [] },
    ],
    annexes: [
      unitTable(`附件1　${label}各单位报送和采用信息情况`, units.rows),
      countTable(`附件2　${label}各市（含所辖县区）信息情况`, '地区', cities.rows, t),
      countTable(`附件3　${label}信息分类情况`, '信息分类', topics.rows, t),
      countTable(`附件4　${label}各月信息情况`, '月份', trend.rows, t),
    ],
    office: desk.office,
    date: chineseDate(cstDate(now)),
  };
}

/** The document the query names. */
export function buildReport(tx: Tx, desk: DeskInfo, q: ReportQuery, now: Date): Promise<ReportModel> {
  if (q.kind === 'quarter') return quarterlyReport(tx, desk, q.year, q.index, now);
  return workReport(tx, desk, q.kind, q.year, q.index, now);
}

/** The office's words in place of the defaults; a section left empty is dropped and the rest renumbered. */
export function withTexts(model: ReportModel, texts: Record<string, string>): ReportModel {
  const sections = model.sections
    .map((s) => {
      if (s.editable === null || texts[s.editable] === undefined) return s;
      const paragraphs = (texts[s.editable] ?? '')
        .split(/\n\s*\n|\r?\n/)
        .map((x) => x.trim())
        .filter(Boolean);
      return { ...s, paragraphs };
    })
    .filter((s) => s.paragraphs.length > 0);
  // A dropped section leaves no gap in the numbering: 一、二、三、, not 一、二、四、.
  let n = 0;
  const numbered = sections.map((s) => {
    if (!/^[一二三四五六七八九十]+、/.test(s.heading)) return s;
    n += 1;
    return { ...s, heading: s.heading.replace(/^[一二三四五六七八九十]+、/, `${CHINESE_NUMBERS[n - 1]}、`) };
  });
  return { ...model, sections: numbered };
}

const CHINESE_NUMBERS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** Every chart of the document in print order (图1, 图2 …). */
export const chartsOf = (m: ReportModel) => m.sections.flatMap((s) => s.charts);

export const reportFileName = (m: ReportModel) => `${m.orgName}${m.periodLabel}${REPORT_KINDS[m.kind]}`;
