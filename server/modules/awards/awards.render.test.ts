/**
 * The award list as an official Word file: the title by state, the body saying how candidates
 * were produced, one table per kind with only the listed entries (an addition's reason in 备注),
 * the office and date of the sign-off; and, where LibreOffice is installed, the same as a PDF.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { AwardEntryView, AwardRoundView } from '../../../shared/schemas/awards.ts';
import { convertDocxToPdf, libreOfficeAvailable } from '../issues/render/pdf.ts';
import { type AwardDocument, awardTitle, renderAwardDocx } from './awards.render.ts';

const round: AwardRoundView = {
  id: 1,
  orgId: 1,
  orgName: '政协安徽省委员会',
  name: '2025—2026年度政协信息工作评选表彰',
  from: '2025-01-01',
  to: '2026-12-31',
  quotas: { unit: 2, person: 2, item: 2 },
  state: 'draft',
  computedAt: '2027-01-10T02:00:00.000Z',
  createdBy: '何建华',
  createdAt: '2027-01-10T02:00:00.000Z',
  finalizedBy: '',
  finalizedAt: null,
};
const entry = (e: Partial<AwardEntryView> & Pick<AwardEntryView, 'kind' | 'name'>): AwardEntryView => ({
  subjectId: 1,
  unit: '',
  score: 1000,
  rank: 1,
  status: 'candidate',
  reason: '',
  adjustedBy: '',
  adjustedAt: null,
  ...e,
});
const entries: AwardEntryView[] = [
  entry({ kind: 'unit', name: '政协合肥市委员会', unit: '市政协', score: 4250 }),
  entry({
    kind: 'unit',
    name: '政协芜湖市委员会',
    unit: '市政协',
    status: 'removed',
    reason: '年度考核不合格',
  }),
  entry({
    kind: 'unit',
    name: '民盟安徽省委会',
    unit: '民主党派',
    score: 800,
    rank: 5,
    status: 'added',
    reason: '牵头完成重点调研',
  }),
  entry({ kind: 'person', name: '韩志远', unit: '民盟安徽省委会', score: 1550 }),
  entry({ kind: 'item', name: '关于加强农村养老服务供给的建议', unit: '民盟安徽省委会', score: 2000 }),
];
const draft: AwardDocument = { round, entries, date: '2027-01-12' };

async function documentText(doc: AwardDocument) {
  const zip = await JSZip.loadAsync(await renderAwardDocx(doc));
  const xml = await zip.file('word/document.xml')!.async('string');
  const paragraphs = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map(([p]) =>
    [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''),
  );
  return { xml, paragraphs, tables: xml.match(/<w:tbl>/g)?.length ?? 0 };
}

describe('the award list as a Word file', () => {
  it('titles the draft as the office’s report of the proposed list and the final one as the commendation list', () => {
    expect(awardTitle(round)).toBe('关于2025—2026年度政协信息工作先进单位、先进个人和优秀信息建议名单的报告');
    expect(awardTitle({ ...round, state: 'final' })).toBe(
      '2025—2026年度政协信息工作先进单位、先进个人和优秀信息表彰名单',
    );
    expect(awardTitle({ ...round, from: '2025-03-01', to: '2026-02-28' })).toContain(
      '2025年3月1日至2026年2月28日',
    );
  });

  it('says how candidates were produced, lists each kind in a table, and signs off with the office and date', async () => {
    const { paragraphs, tables, xml } = await documentText(draft);
    expect(paragraphs).toContain('关于2025—2026年度政协信息工作先进单位、先进个人和优秀信息建议名单的报告');
    expect(paragraphs).toContain('主席会议：');
    const body = paragraphs.find((p) => p.startsWith('按照'));
    expect(body).toContain('2025年1月1日至2026年12月31日');
    expect(body).toContain('按得分高低排序');
    expect(body).toContain('调出1个、增补1个');
    expect(body).toContain('先进单位2个、先进个人1名、优秀信息1篇');
    expect(paragraphs).toContain('一、先进单位（2个）');
    expect(paragraphs).toContain('三、优秀信息（1篇）');
    expect(tables).toBe(3);
    // Listed: the candidate and the addition with its reason; the removed unit is not.
    expect(paragraphs).toContain('政协合肥市委员会');
    expect(paragraphs).toContain('42.5');
    expect(paragraphs).toContain('增补：牵头完成重点调研');
    expect(xml).not.toContain('政协芜湖市委员会');
    expect(paragraphs.slice(-2)).toEqual(['政协安徽省委员会办公厅', '2027年1月12日']);
  });

  it('has no salutation once final and says the list is published', async () => {
    const { paragraphs } = await documentText({ ...draft, round: { ...round, state: 'final' } });
    expect(paragraphs).not.toContain('主席会议：');
    expect(paragraphs.find((p) => p.startsWith('按照'))).toContain('现将表彰名单公布如下');
  });

  it.skipIf(!libreOfficeAvailable())(
    'converts to a PDF carrying the title and the names',
    { timeout: 90_000 },
    async () => {
      const pdf = await convertDocxToPdf(await renderAwardDocx(draft));
      expect(pdf).not.toBeNull();
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'minyi-award-'));
      try {
        const file = path.join(dir, 'list.pdf');
        fs.writeFileSync(file, pdf as Buffer);
        const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
        expect(text).toContain('关于2025—2026年度政协信息工作先进单位、先进个人和优秀信息建议名单的报告');
        for (const name of ['政协合肥市委员会', '民盟安徽省委会', '韩志远', '关于加强农村养老服务供给的建议'])
          expect(text).toContain(name);
        expect(text).toContain('政协安徽省委员会办公厅');
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  );
});
