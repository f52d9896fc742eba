/**
 * Deterministic generator of plausible item texts in Simplified Chinese: 社情民意信息 with the
 * three sections 情况 / 原因分析 / 建议, and 政协综合信息 bodies for each kind, built from the
 * per-topic phrase banks in item-phrases.ts. The same seed gives the same texts, so the demo
 * data and the benchmark database are reproducible. Figures are illustrative only.
 */
import { countChars, DEFAULT_TOPICS, type ItemKind } from '../../shared/items.ts';
import type { ItemContent } from '../../shared/schemas/items.ts';
import {
  GENERIC_CAUSES,
  GENERIC_MEASURES,
  GENERIC_SITUATION,
  GENERIC_ZHXX_CLOSERS,
  IMPLEMENTATION_MEASURES,
  SUBJECTS,
  type Subject,
  THEORY_PARAGRAPHS,
  THEORY_TITLES,
} from './item-phrases.ts';
import { mulberry32 } from './province-data.ts';

export { SUBJECTS, type Subject } from './item-phrases.ts';
export { mulberry32 };

export type Rng = () => number;
type Measure = readonly [string, string];

/** A generated text with the topic (a sub-topic name, or a top-level name without children). */
export interface GeneratedText extends ItemContent {
  topic: string;
  subject: Subject | null;
}

const CITIES = '合肥 芜湖 蚌埠 淮南 马鞍山 淮北 铜陵 安庆 黄山 滁州 阜阳 宿州 六安 亳州 池州 宣城'
  .split(' ')
  .map((c) => `${c}市`);
const COUNTIES = (
  '肥西县 长丰县 濉溪县 涡阳县 蒙城县 利辛县 砀山县 萧县 灵璧县 怀远县 五河县 临泉县 太和县 阜南县 寿县 凤台县 ' +
  '定远县 来安县 金寨县 霍山县 舒城县 霍邱县 当涂县 含山县 南陵县 泾县 绩溪县 枞阳县 东至县 石台县 怀宁县 宿松县 歙县 休宁县 黟县'
).split(' ');

const ORDINALS = ['一', '二', '三', '四', '五', '六'];

/** The parent (top-level) topic of a sub-topic name; a top-level name maps to itself. */
export function parentTopicOf(topic: string): string {
  for (const t of DEFAULT_TOPICS) if (t.name === topic || t.children.includes(topic)) return t.name;
  return '其他';
}

export const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)] as T;

/** `k` distinct items in their original order. */
function sample<T>(rng: Rng, items: readonly T[], k: number): T[] {
  const idx = items.map((_, i) => i);
  for (let i = idx.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [idx[i], idx[j]] = [idx[j] as number, idx[i] as number];
  }
  return idx
    .slice(0, Math.min(k, items.length))
    .sort((a, b) => a - b)
    .map((i) => items[i] as T);
}

const intIn = (rng: Rng, a: number, b: number) => a + Math.floor(rng() * (b - a + 1));

/** The values one text shares across its sentences (two different cities, one county, one year). */
interface Vars {
  rng: Rng;
  city: string;
  city2: string;
  county: string;
  year: number;
  kw: string;
}

function varsFor(rng: Rng, year: number, kw: string): Vars {
  const city = pick(rng, CITIES);
  let city2 = pick(rng, CITIES);
  while (city2 === city) city2 = pick(rng, CITIES);
  return { rng, city, city2, county: pick(rng, COUNTIES), year, kw };
}

/** Fills {city} {city2} {county} {year} {kw} {n:a-b} {f:a-b}. */
function fill(template: string, v: Vars): string {
  return template.replace(
    /\{(city2|city|county|year|kw|n:[\d.]+-[\d.]+|f:[\d.]+-[\d.]+)\}/g,
    (_, key: string) => {
      if (key === 'city') return v.city;
      if (key === 'city2') return v.city2;
      if (key === 'county') return v.county;
      if (key === 'year') return String(v.year);
      if (key === 'kw') return v.kw;
      const [lo, hi] = key.slice(2).split('-').map(Number) as [number, number];
      if (key.startsWith('n:')) return String(intIn(v.rng, lo, hi));
      return (lo + v.rng() * (hi - lo)).toFixed(1);
    },
  );
}

const ANALYSIS_OPENERS = [
  '究其原因，主要有以下几个方面：',
  '分析其原因，主要有：',
  '造成上述问题的原因主要有：',
  '问题的成因是多方面的：',
];
const ANALYSIS_CLOSERS = [
  '上述问题相互交织，在一定程度上制约了{kw}的深入推进。',
  '这些问题如不及时加以解决，将影响相关政策的落地见效。',
];
const SUGGESTION_OPENERS = ['为此，建议：', '对此，提出如下建议：', '为此，建议省直有关部门：', '建议：'];

function enumerate(points: readonly string[], separator: '；' | '。'): string {
  return `${points.map((p, i) => `${ORDINALS[i]}是${p}`).join(separator)}。`;
}

function measuresText(rng: Rng, measures: readonly Measure[], v: Vars): string {
  const opener = pick(rng, SUGGESTION_OPENERS);
  if (rng() < 0.5)
    return `${opener}\n${measures.map(([h, d], i) => `（${ORDINALS[i]}）${h}。${fill(d, v)}`).join('\n')}`;
  return `${opener}${measures.map(([h, d], i) => `${ORDINALS[i]}是${h}。${fill(d, v)}`).join('')}`;
}

/** The subjects filed under a topic name (a sub-topic, or 其他). */
export function subjectsOf(topic: string): Subject[] {
  return SUBJECTS.filter((s) => s.topic === topic);
}

const MIN_CHARS = 320;
const lengthOf = (c: ItemContent) => countChars(c.title + c.situation + c.analysis + c.suggestion + c.body);

/**
 * A 社情民意 item: a title, 情况 (the subject's facts and a general remark or two), 原因分析
 * (two to four causes) and 建议 (three to six measures), about 320 to 1,200 characters.
 */
export function sqmyText(
  rng: Rng,
  options: { year: number; subject?: Subject; detailed?: boolean },
): GeneratedText {
  const subject = options.subject ?? pick(rng, SUBJECTS);
  const v = varsFor(rng, options.year, subject.kw);
  const detailed = options.detailed ?? rng() < 0.3;
  const title = pick(rng, subject.titles);

  const situation = [...subject.situation, ...sample(rng, GENERIC_SITUATION, detailed ? 2 : 1)];

  const k = detailed ? 4 : rng() < 0.2 ? 2 : 3;
  const causes = sample(rng, subject.causes, k);
  while (causes.length < k || (causes.length < 4 && rng() < 0.25)) {
    const extra = pick(rng, GENERIC_CAUSES);
    if (!causes.includes(extra)) causes.push(extra);
  }
  const semicolons = rng() < 0.6;
  const closer = detailed || rng() < 0.5 ? fill(pick(rng, ANALYSIS_CLOSERS), v) : '';
  const analysis = `${pick(rng, ANALYSIS_OPENERS)}${enumerate(
    causes.map((c) => fill(c, v)),
    semicolons ? '；' : '。',
  )}${closer}`;

  const m = Math.min(subject.measures.length, detailed ? 5 : 3 + (rng() < 0.4 ? 1 : 0));
  const measures = sample(rng, subject.measures, m);
  const generic = sample(rng, GENERIC_MEASURES, GENERIC_MEASURES.length);
  if (detailed || rng() < 0.6) measures.push(generic.shift() as Measure);
  if (detailed) measures.push(generic.shift() as Measure);

  const text = (): ItemContent => ({
    title,
    situation: situation.map((x) => fill(x, v)).join(''),
    analysis,
    suggestion: measuresText(rng, measures, v),
    body: '',
  });
  let content = text();
  // Short subjects get more of the general remarks and measures, never the same one twice.
  const spare = GENERIC_SITUATION.filter((g) => !situation.includes(g));
  while (lengthOf(content) < MIN_CHARS && (spare.length || generic.length)) {
    const g = spare.shift();
    if (g) situation.push(g);
    const extra = generic.shift();
    if (extra) measures.push(extra);
    content = text();
  }
  return { ...content, topic: subject.topic, subject };
}

/** `M月D日` in Asia/Shanghai. */
function monthDay(date: Date): string {
  const d = new Date(date.getTime() + 8 * 3_600_000);
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
}

/** 「X工作」 without doubling a key phrase that already ends in 工作. */
const work = (kw: string) => (kw.endsWith('工作') ? kw : `${kw}工作`);

/** A finding without its own lead-in, to follow「调研中也发现，」. */
const stripLead = (s: string) => s.replace(/^(但是?|同时)?(调研中发现|调研发现|调研显示|据调研)?，?/, '');

function workNews(rng: Rng, s: Subject, v: Vars, org: string, date: Date): [string, string[]] {
  const title = pick(rng, [
    `${org}围绕“${s.kw}”开展专题调研`,
    `${org}召开${s.kw}专题座谈会`,
    `${org}组织委员视察${work(s.kw)}`,
  ]);
  const measures = sample(rng, s.measures, 3);
  return [
    title,
    [
      `${monthDay(date)}，${org}组织部分省政协委员、专家学者赴${v.city}、${v.city2}等地，围绕“${s.kw}”开展专题调研。调研组深入基层一线实地察看，召开座谈会听取有关部门、基层干部群众和企业代表的意见建议。`,
      `调研组认为，${fill(s.situation[0] ?? '', v)}调研中也发现，${stripLead(fill(s.situation[1] ?? '', v))}`,
      `调研组建议，${measures.map(([h, d], i) => `${ORDINALS[i]}要${h}，${fill(d, v).replace(/。$/, '')}`).join('；')}。`,
      `下一步，${org}将认真梳理调研成果，形成专题调研报告，通过提案、社情民意信息等渠道积极建言献策。`,
    ],
  ];
}

function decisionRef(rng: Rng, s: Subject, v: Vars): [string, string[]] {
  const title = pick(rng, [
    `${s.kw}存在的突出问题及对策建议`,
    `关于${s.kw}的调研与思考`,
    `推动${s.kw}取得新突破的几点建议`,
  ]);
  const causes = sample(rng, s.causes, 3).map((c) => fill(c, v));
  const measures = [...sample(rng, s.measures, 3), pick(rng, GENERIC_MEASURES)];
  return [
    title,
    [
      [...s.situation, pick(rng, GENERIC_SITUATION)].map((x) => fill(x, v)).join(''),
      `当前存在的主要问题：${enumerate(causes, '；')}`,
      `对策建议：${measures.map(([h, d], i) => `${ORDINALS[i]}是${h}。${fill(d, v)}`).join('')}`,
    ],
  ];
}

function onlineOpinion(rng: Rng, s: Subject, v: Vars): [string, string[]] {
  const title = pick(rng, [
    `网民热议${s.kw}相关话题`,
    `${s.kw}成为近期网络关注热点`,
    `关于${s.kw}网络舆情的分析及建议`,
  ]);
  const concerns = sample(rng, s.causes, 3).map((c) => `认为${fill(c, v)}`);
  const heads = sample(rng, s.measures, 2).map(([h]) => h);
  return [
    title,
    [
      `近期，${s.kw}相关话题在微博、微信、抖音及本地论坛等网络平台引发关注，相关话题累计阅读量超过${intIn(rng, 300, 3000)}万次，评论${intIn(rng, 2, 20)}万余条。`,
      `从网民留言看，关注点主要集中在以下几个方面：${enumerate(concerns, '；')}`,
      `从相关情况看，${stripLead(fill(s.situation[1] ?? s.situation[0] ?? '', v))}`,
      `部分网民建议，${heads.join('，')}。也有网民对${v.city}等地的经验做法表示肯定，希望在全省推广。`,
      '建议有关部门密切关注网络舆情动态，及时回应社会关切，加强政策解读和正面引导，防止负面情绪累积发酵。',
    ],
  ];
}

function theory(rng: Rng): [string, string[]] {
  const [first, ...rest] = THEORY_PARAGRAPHS;
  return [pick(rng, THEORY_TITLES), [first as string, ...sample(rng, rest, 4)]];
}

function implementation(rng: Rng, s: Subject, v: Vars, org: string, date: Date): [string, string[]] {
  const title = pick(rng, [
    `${org}深入学习贯彻省委全会精神`,
    `${org}认真落实${work(s.kw)}部署`,
    `${org}推动${s.kw}各项举措落地见效`,
  ]);
  const measures = sample(rng, IMPLEMENTATION_MEASURES, rng() < 0.5 ? 3 : 4);
  return [
    title,
    [
      `${monthDay(date)}，${org}召开专题会议，传达学习省委全会精神，研究部署贯彻落实工作。`,
      `会议强调，要把思想和行动统一到省委决策部署上来，聚焦${s.kw}等重点工作，充分发挥自身优势，积极建言献策、凝聚共识。`,
      `会议要求，${measures.map(([h, d], i) => `${ORDINALS[i]}要${h}。${fill(d, v)}`).join('')}`,
      '会议还对近期重点工作作了安排，要求各部门细化任务分工、明确时间节点，确保各项工作落到实处。',
    ],
  ];
}

function performance(rng: Rng, s: Subject, v: Vars, org: string): [string, string[]] {
  const title = pick(rng, [`${org}委员围绕${s.kw}积极建言献策`, `${org}委员深入基层开展${s.kw}调研`]);
  const measures = sample(rng, s.measures, 2);
  return [
    title,
    [
      `今年以来，${org}坚持把${s.kw}作为履职重点，组织委员开展调研视察${intIn(rng, 3, 8)}次，召开专题座谈会${intIn(rng, 2, 6)}场。`,
      `委员们在调研中了解到，${fill(s.situation[0] ?? '', v)}围绕这一问题，委员们提交提案${intIn(rng, 5, 20)}件、社情民意信息${intIn(rng, 10, 40)}篇，其中${intIn(rng, 2, 6)}篇被全国政协办公厅或省委、省政府采用。`,
      `委员们建议，${measures.map(([h, d]) => `${h}，${fill(d, v).replace(/。$/, '')}`).join('；')}。`,
      `${org}将继续引导委员聚焦中心工作，深入调查研究，不断提高建言资政的质量和水平。`,
    ],
  ];
}

/**
 * A 政协综合信息 item of a kind: a title and one body of three or four paragraphs, about 300 to
 * 1,000 characters. `org` is the short name of the reporting unit.
 */
export function zhxxText(
  rng: Rng,
  kind: ItemKind,
  options: { year: number; org: string; date: Date; subject?: Subject },
): GeneratedText {
  const subject = options.subject ?? pick(rng, SUBJECTS);
  const v = varsFor(rng, options.year, subject.kw);
  const [title, paragraphs] =
    kind === 'work_news'
      ? workNews(rng, subject, v, options.org, options.date)
      : kind === 'decision_ref'
        ? decisionRef(rng, subject, v)
        : kind === 'online_opinion'
          ? onlineOpinion(rng, subject, v)
          : kind === 'theory'
            ? theory(rng)
            : kind === 'implementation'
              ? implementation(rng, subject, v, options.org, options.date)
              : performance(rng, subject, v, options.org);
  const closers = sample(rng, GENERIC_ZHXX_CLOSERS, GENERIC_ZHXX_CLOSERS.length);
  while (countChars(title + paragraphs.join('')) < MIN_CHARS && closers.length)
    paragraphs.push(closers.shift() as string);
  return {
    title,
    situation: '',
    analysis: '',
    suggestion: '',
    body: paragraphs.join('\n'),
    topic: kind === 'theory' ? '政协工作' : subject.topic,
    subject: kind === 'theory' ? null : subject,
  };
}

/** Words an editor cuts: fillers that add no meaning. */
const FILLERS: readonly [string, string][] = [
  ['进一步', ''],
  ['切实', ''],
  ['不断', ''],
  ['十分', ''],
  ['较为', '较'],
  ['笔者', '有委员'],
];

/** The office's edit of a text: fillers cut, a general remark dropped, the numbering kept. */
export function officeEdit(content: ItemContent): ItemContent {
  const cut = (s: string) => FILLERS.reduce((t, [from, to]) => t.replaceAll(from, to), s);
  const sentences = content.situation.split(/(?<=。)/).filter((s) => s !== '');
  const generic = new Set(GENERIC_SITUATION.map((g) => g.slice(0, 6)));
  const kept = sentences.filter((s, i) => i < 2 || !generic.has(s.slice(0, 6)));
  const edited = {
    title: content.title.replace('进一步', ''),
    situation: cut((kept.length < sentences.length ? kept : sentences.slice(0, -1)).join('')),
    analysis: cut(content.analysis),
    suggestion: cut(content.suggestion),
    body: cut(content.body),
  };
  // A body-only text whose fillers are all gone still gets a visible edit: its last paragraph goes.
  if (edited.body !== '' && edited.body === content.body)
    edited.body = content.body.split('\n').slice(0, -1).join('\n');
  return edited;
}

/** The author's revision after a return: one more fact in 情况 and one more measure. */
export function authorRevision(rng: Rng, content: ItemContent, year: number): ItemContent {
  const v = varsFor(rng, year, '');
  const fact = fill(
    pick(rng, [
      '据笔者对{county}{n:3-8}个乡镇（街道）的走访，上述情况具有一定普遍性。',
      '{city}有关部门提供的数据显示，相关问题近两年呈上升趋势，{year}年同比增长{f:8-25}%。',
      '在{city}召开的座谈会上，{n:6-15}位基层代表中有{n:4-6}位反映了类似问题。',
    ]),
    v,
  );
  if (content.body !== '') return { ...content, body: `${content.body}\n${fact}` };
  return { ...content, situation: `${content.situation}${fact}` };
}

/** The composite (综合) of several items on one subject. */
export function compositeText(rng: Rng, subject: Subject, sources: number, year: number): ItemContent {
  const base = sqmyText(rng, { year, subject, detailed: true });
  return {
    title: `关于${subject.kw}有关情况的综合反映`,
    situation: `近期，${sources}位委员和参加单位就${subject.kw}问题报送信息，反映情况如下。${base.situation}`,
    analysis: base.analysis,
    suggestion: base.suggestion,
    body: '',
  };
}
