/**
 * A round as files: the Word list in the official layout (草拟: the office's report of the
 * proposed list; 已定: the commendation list) and an Excel workbook with one sheet per kind,
 * headed by who exported it.
 */
import type { Paragraph, Table } from 'docx';
import ExcelJS from 'exceljs';
import {
  AWARD_ENTRY_STATUSES,
  AWARD_KIND_KEYS,
  AWARD_KINDS,
  type AwardKind,
  awardPeriodLabel,
} from '../../../shared/awards.ts';
import { chineseDate } from '../../../shared/issues.ts';
import type { AwardEntryView, AwardRoundView } from '../../../shared/schemas/awards.ts';
import { formatPoints } from '../../../shared/scoring.ts';
import {
  blank,
  bodyParagraph,
  flushLeft,
  officialDocument,
  officialTable,
  packDocument,
  signOff,
  titleParagraphs,
} from '../../lib/official-docx.ts';

export interface AwardDocument {
  round: AwardRoundView;
  entries: AwardEntryView[];
  /** The day the document speaks for (YYYY-MM-DD): the finalisation's, or today's for a draft. */
  date: string;
}

const COLUMNS: Record<AwardKind, { name: string; unit: string; measure: string }> = {
  unit: { name: '单位名称', unit: '类别', measure: '个' },
  person: { name: '姓名', unit: '所在单位', measure: '名' },
  item: { name: '信息标题', unit: '报送单位', measure: '篇' },
};
const NUMERALS = ['一', '二', '三'];

export const officeOf = (round: AwardRoundView) => `${round.orgName}办公厅`;

/** 关于…建议名单的报告 while drafting; …表彰名单 once final. */
export function awardTitle(round: AwardRoundView): string {
  const what = `${awardPeriodLabel(round.from, round.to)}政协信息工作先进单位、先进个人和优秀信息`;
  return round.state === 'final' ? `${what}表彰名单` : `关于${what}建议名单的报告`;
}

export const listed = (entries: readonly AwardEntryView[], kind: AwardKind) =>
  entries.filter((e) => e.kind === kind && e.status !== 'removed');

function introduction(doc: AwardDocument): string {
  const { round, entries } = doc;
  const removed = entries.filter((e) => e.status === 'removed').length;
  const added = entries.filter((e) => e.status === 'added').length;
  const counts = AWARD_KIND_KEYS.map(
    (k) => `${AWARD_KINDS[k]}${listed(entries, k).length}${COLUMNS[k].measure}`,
  ).join('、');
  const review =
    removed + added > 0
      ? `经评审研究，调出${removed}个、增补${added}个（理由见备注）`
      : '经评审研究，未作调整';
  const basis =
    `以${chineseDate(round.from)}至${chineseDate(round.to)}期间报送信息的计分为依据（按各事项发生时施行的计分规则计分，` +
    '单位与个人并行计分，同一信息的同一事项按单位得分与作者得分中的较高者计入优秀信息得分），按得分高低排序提出候选对象';
  return round.state === 'final'
    ? `按照${round.name}的安排，${basis}，${review}，确定${counts}。现将表彰名单公布如下。`
    : `按照${round.name}的安排，${basis}，${review}，拟推荐${counts}。现将建议名单报告如下。`;
}

function kindTable(entries: readonly AwardEntryView[], kind: AwardKind): Table {
  const c = COLUMNS[kind];
  const rows = listed(entries, kind).map((e, i) => [
    i + 1,
    e.name,
    e.unit,
    formatPoints(e.score),
    e.status === 'added' ? `增补：${e.reason}` : '',
  ]);
  return officialTable(
    ['序号', c.name, c.unit, '得分', '备注'],
    rows,
    [8, 34, 26, 12, 20],
    [true, false, false, true],
  );
}

export async function renderAwardDocx(doc: AwardDocument): Promise<Buffer> {
  const title = awardTitle(doc.round);
  const children: (Paragraph | Table)[] = [blank(), ...titleParagraphs(title)];
  if (doc.round.state === 'draft') children.push(flushLeft('主席会议：'));
  children.push(bodyParagraph(introduction(doc)));
  AWARD_KIND_KEYS.forEach((kind, i) => {
    const n = listed(doc.entries, kind).length;
    children.push(bodyParagraph(`${NUMERALS[i]}、${AWARD_KINDS[kind]}（${n}${COLUMNS[kind].measure}）`));
    children.push(n > 0 ? kindTable(doc.entries, kind) : bodyParagraph('本项空缺。'));
  });
  children.push(...signOff(officeOf(doc.round), chineseDate(doc.date)));
  return packDocument(officialDocument({ title, creator: officeOf(doc.round), children }));
}

/** Every entry, taken out ones too, with its status and reason: the committee's working copy. */
export async function renderAwardXlsx(doc: AwardDocument, watermark: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = officeOf(doc.round);
  for (const kind of AWARD_KIND_KEYS) {
    const c = COLUMNS[kind];
    const sheet = wb.addWorksheet(AWARD_KINDS[kind]);
    sheet.columns = [8, 40, 30, 10, 8, 40].map((width) => ({ width }));
    const mark = sheet.addRow([watermark]);
    mark.font = { color: { argb: 'FF888888' }, size: 9 };
    const header = sheet.addRow(['名次', c.name, c.unit, '得分', '状态', '理由']);
    header.font = { bold: true };
    for (const e of doc.entries.filter((x) => x.kind === kind))
      sheet.addRow([
        e.rank ?? '',
        e.name,
        e.unit,
        Number(formatPoints(e.score)),
        AWARD_ENTRY_STATUSES[e.status],
        e.reason,
      ]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
