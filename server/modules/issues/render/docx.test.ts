import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { splitHeading } from '../../../lib/official-text.ts';
import type { IssueDocument } from './document.ts';
import { renderIssueDocx } from './docx.ts';
import { renderIssueHtml } from './html.ts';
import { convertDocxToPdf, libreOfficeAvailable } from './pdf.ts';
import { sampleIssueDocument } from './sample.ts';

interface Run {
  text: string;
  eastAsia: string | undefined;
  size: number | undefined;
  color: string | undefined;
}
interface Para {
  xml: string;
  text: string;
  runs: Run[];
}

const unescapeXml = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

function runsOf(xml: string): Run[] {
  return [...xml.matchAll(/<w:r[ >][\s\S]*?<\/w:r>/g)].map(([r]) => ({
    text: unescapeXml([...r.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')),
    eastAsia: /<w:rFonts [^>]*w:eastAsia="([^"]+)"/.exec(r)?.[1],
    size: Number(/<w:sz w:val="(\d+)"/.exec(r)?.[1]) || undefined,
    color: /<w:color w:val="([0-9A-Fa-f]{6})"/.exec(r)?.[1],
  }));
}

function paragraphsOf(xml: string): Para[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map(([p]) => {
    const runs = runsOf(p);
    return { xml: p, runs, text: runs.map((r) => r.text).join('') };
  });
}

interface Unpacked {
  document: string;
  settings: string;
  styles: string;
  core: string;
  footers: string[];
  headers: string[];
  paragraphs: Para[];
}

async function unpack(doc: IssueDocument): Promise<Unpacked> {
  const zip = await JSZip.loadAsync(await renderIssueDocx(doc));
  const read = (name: string) => zip.file(name)!.async('string');
  const parts = (pattern: RegExp) =>
    Promise.all(
      Object.keys(zip.files)
        .filter((n) => pattern.test(n))
        .sort()
        .map(read),
    );
  const document = await read('word/document.xml');
  return {
    document,
    settings: await read('word/settings.xml'),
    styles: await read('word/styles.xml'),
    core: await read('docProps/core.xml'),
    footers: await parts(/^word\/footer\d*\.xml$/),
    headers: await parts(/^word\/header\d*\.xml$/),
    paragraphs: paragraphsOf(document),
  };
}

const attr = (xml: string, element: string, name: string) =>
  Number(new RegExp(`<w:${element} [^>]*w:${name}="(-?\\d+)"`).exec(xml)?.[1]);

describe('renderIssueDocx', () => {
  const doc = sampleIssueDocument(3);
  let u: Unpacked;
  const para = (text: string) => {
    const found = u.paragraphs.filter((p) => p.text === text);
    expect(found, `one paragraph “${text}”`).toHaveLength(1);
    return found[0]!;
  };
  const startingWith = (prefix: string) => {
    const found = u.paragraphs.find((p) => p.text.startsWith(prefix));
    expect(found, `a paragraph starting “${prefix}”`).toBeDefined();
    return found!;
  };
  const indexOf = (p: Para) => u.paragraphs.indexOf(p);

  beforeAll(async () => {
    u = await unpack(doc);
  });

  it('is an A4 page with the GB/T 9704 margins', () => {
    expect(u.document).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    const sect = /<w:sectPr[\s\S]*<\/w:sectPr>/.exec(u.document)![0];
    const near = (value: number, expected: number) =>
      expect(Math.abs(value - expected)).toBeLessThanOrEqual(1);
    near(attr(sect, 'pgMar', 'top'), 2098); // 37 mm
    near(attr(sect, 'pgMar', 'left'), 1587); // 28 mm
    near(attr(sect, 'pgMar', 'right'), 1474); // 26 mm
    near(attr(sect, 'pgMar', 'bottom'), 1984); // 35 mm
  });

  it('sets the body on 22 exact lines of 3号仿宋_GB2312 in Simplified Chinese', () => {
    expect(u.styles).toMatch(/<w:rPrDefault>[\s\S]*w:eastAsia="仿宋_GB2312"[\s\S]*<\/w:rPrDefault>/);
    expect(u.styles).toMatch(/<w:rPrDefault>[\s\S]*<w:sz w:val="32"\/>[\s\S]*<\/w:rPrDefault>/);
    expect(u.styles).toMatch(/<w:lang [^>]*w:eastAsia="zh-CN"/);
    const body = startingWith('近年来，合肥市');
    expect(body.xml).toMatch(/<w:spacing [^>]*w:line="579" w:lineRule="exact"/);
    expect(body.xml).toMatch(/<w:ind [^>]*w:firstLineChars="200"/);
    expect(body.xml).toMatch(/<w:jc w:val="both"\/>/);
    expect(body.runs.map((r) => [r.eastAsia, r.size])).toEqual([['仿宋_GB2312', 32]]);
  });

  it('names an East Asian font on every run', () => {
    const runs = u.paragraphs.flatMap((p) => p.runs);
    expect(runs.length).toBeGreaterThan(40);
    expect(runs.filter((r) => !r.eastAsia)).toEqual([]);
  });

  it('prints the marking and urgency in 3号黑体, then the red masthead in 方正小标宋简体', () => {
    const [marking, urgency, masthead] = u.paragraphs;
    expect(marking!.text).toBe('内部资料　注意保存');
    expect(marking!.runs.every((r) => r.eastAsia === '黑体' && r.size === 32)).toBe(true);
    expect(urgency!.text).toBe('特急');
    expect(urgency!.runs.every((r) => r.eastAsia === '黑体')).toBe(true);
    expect(masthead!.text).toBe('政协信息');
    expect(masthead!.xml).toMatch(/<w:jc w:val="center"\/>/);
    for (const r of masthead!.runs) {
      expect(r.eastAsia).toBe('方正小标宋简体');
      expect(r.color).toBe('C00000');
      expect(r.size).toBeGreaterThanOrEqual(96);
      expect(r.size).toBeLessThanOrEqual(120);
    }
    expect(masthead!.xml).toMatch(/<w:spacing w:val="[1-9]\d*"\/>/); // letter-spaced
  });

  it('prints the number, the publisher and date line, and the red rule', () => {
    const number = para('第12期（总第1034期）');
    expect(number.xml).toMatch(/<w:jc w:val="center"\/>/);
    expect(number.runs[0]!.size).toBe(32);
    const imprint = para('安徽省政协办公厅2026年11月27日');
    expect(imprint.xml).toMatch(/安徽省政协办公厅<\/w:t><w:tab\/><w:t[^>]*>2026年11月27日/);
    expect(imprint.xml).toMatch(/<w:tab w:val="right" w:pos="(8[3-9]\d\d)"\/>/);
    expect(imprint.runs.every((r) => r.eastAsia === '仿宋_GB2312' && r.size === 32)).toBe(true);
    const rule = u.paragraphs[indexOf(imprint) + 1]!;
    expect(rule.xml).toMatch(/<w:bottom w:val="thickThinSmallGap" w:color="C00000" w:sz="\d+"/);
    expect(indexOf(number)).toBe(3);
  });

  it('prints the editor’s note with its label in 黑体 and its text in 楷体_GB2312', () => {
    const note = startingWith('编者按：');
    expect(note.runs[0]).toMatchObject({ text: '编者按：', eastAsia: '黑体', size: 32 });
    expect(note.runs[1]).toMatchObject({ eastAsia: '楷体_GB2312', size: 32 });
    expect(note.runs[1]!.text).toBe(doc.editorNote);
  });

  it('centres every title in 2号方正小标宋简体', () => {
    for (const item of doc.items) {
      const title = para(item.title);
      expect(title.xml).toMatch(/<w:jc w:val="center"\/>/);
      expect(title.runs.map((r) => [r.eastAsia, r.size])).toEqual([['方正小标宋简体', 44]]);
    }
  });

  it('sets the heading sentence of 一、 in 黑体, （一） in 楷体_GB2312, 1. in 仿宋_GB2312, and the rest in 仿宋', () => {
    expect(para('一、存在的主要问题').runs).toMatchObject([{ eastAsia: '黑体', size: 32 }]);
    const level1 = startingWith('一、服务供给不足，结构性矛盾突出。');
    expect(level1.runs.map((r) => [r.text.slice(0, 6), r.eastAsia])).toEqual([
      ['一、服务供给', '黑体'],
      ['普惠性养老机', '仿宋_GB2312'],
    ]);
    expect(level1.runs[0]!.text).toBe('一、服务供给不足，结构性矛盾突出。');
    const level2 = startingWith('（一）资源整合不够深入。');
    expect(level2.runs[0]).toMatchObject({ text: '（一）资源整合不够深入。', eastAsia: '楷体_GB2312' });
    expect(level2.runs[1]!.eastAsia).toBe('仿宋_GB2312');
    const level3 = startingWith('1.深化管理体制改革。');
    expect(level3.runs[0]).toMatchObject({ text: '1.深化管理体制改革。', eastAsia: '仿宋_GB2312' });
    const fullWidthDot = startingWith('1．拓宽发展路径。');
    expect(fullWidthDot.runs[0]!.text).toBe('1．拓宽发展路径。');
  });

  it('right-aligns the byline in 楷体_GB2312', () => {
    const byline = para(doc.items[0]!.byline);
    expect(byline.xml).toMatch(/<w:jc w:val="right"\/>/);
    expect(byline.runs[0]!.eastAsia).toBe('楷体_GB2312');
  });

  it('closes with 报/送/发 in 4号仿宋 between rules, then 共印120份 at the right', () => {
    const bao = para('报：省委常委、省人大常委会党组、省政府党组、省政协领导同志');
    const song = para('送：省委办公厅、省人大常委会办公厅、省政府办公厅、省纪委监委办公厅');
    const fa = para('发：各市政协、省政协各专门委员会、各民主党派省委、省工商联');
    const run = para('共印120份');
    const lastBody = startingWith('3.提升信息化建设水平。');
    expect(indexOf(lastBody)).toBeLessThan(indexOf(bao));
    expect([indexOf(bao), indexOf(song), indexOf(fa)]).toEqual([
      indexOf(bao),
      indexOf(bao) + 1,
      indexOf(bao) + 2,
    ]);
    expect(indexOf(run)).toBeGreaterThan(indexOf(fa));
    for (const p of [bao, song, fa, run])
      expect(p.runs.every((r) => r.eastAsia === '仿宋_GB2312' && r.size === 28)).toBe(true);
    expect(run.xml).toMatch(/<w:tab w:val="right"/);
    expect(run.xml).toMatch(/<w:tab\/><w:t[^>]*>共印120份/);
    expect(u.paragraphs[indexOf(bao) - 1]!.xml).toMatch(/<w:pBdr><w:bottom w:val="single"/);
    expect(u.paragraphs[indexOf(run) + 1]!.xml).toMatch(/<w:pBdr><w:bottom w:val="single"/);
  });

  it('numbers pages “— N —” in 4号宋体, odd pages at the right and even pages at the left', () => {
    expect(u.settings).toMatch(/<w:evenAndOddHeaders\/>/);
    expect(u.document).toMatch(/<w:footerReference w:type="default"/);
    expect(u.document).toMatch(/<w:footerReference w:type="even"/);
    expect(u.footers).toHaveLength(2);
    for (const footer of u.footers) {
      expect(footer).toMatch(
        /<w:t[^>]*>— <\/w:t>[\s\S]*<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>[\s\S]*<w:t[^>]*> —<\/w:t>/,
      );
      expect(runsOf(footer).every((r) => r.eastAsia === '宋体' && r.size === 28)).toBe(true);
    }
    const sides = u.footers.map((f) => /<w:jc w:val="(\w+)"\/>/.exec(f)?.[1]).sort();
    expect(sides).toEqual(['left', 'right']);
  });

  it('titles the file with the masthead and number', () => {
    expect(u.core).toMatch(/<dc:title>政协信息第12期<\/dc:title>/);
  });

  it('leaves out an empty recipient group and the note, and prints a draft note and a correction', async () => {
    const other = sampleIssueDocument(1);
    other.recipients.song = [];
    other.editorNote = '';
    other.urgency = '';
    other.totalLabel = '';
    other.draft = true;
    other.correction = { revision: 2, note: '标题中“合肥市”原误作“合肥县”。' };
    const v = await unpack(other);
    const texts = v.paragraphs.map((p) => p.text);
    expect(texts.some((t) => t.startsWith('送：'))).toBe(false);
    expect(texts.some((t) => t.startsWith('报：'))).toBe(true);
    expect(texts.some((t) => t.startsWith('编者按'))).toBe(false);
    expect(texts).not.toContain('特急');
    expect(texts).toContain('第12期');
    const correction = texts.indexOf('勘误（第2版）：标题中“合肥市”原误作“合肥县”。');
    expect(correction).toBeGreaterThan(0);
    expect(correction).toBeLessThan(texts.findIndex((t) => t.startsWith('报：')));
    expect(v.headers.join('')).toContain('送审稿');
    expect(u.headers.join('')).not.toContain('送审稿');
  });

  it('keeps user text that XML cannot carry out of the file', async () => {
    const other = sampleIssueDocument(1);
    other.items[0]!.title = 'A&B <C> \u0001标题\uFFFF';
    const v = await unpack(other);
    expect(v.paragraphs.map((p) => p.text)).toContain('A&B <C> 标题');
  });

  it.skipIf(!libreOfficeAvailable())('converts to PDF with LibreOffice', { timeout: 90_000 }, async () => {
    const pdf = await convertDocxToPdf(await renderIssueDocx(doc));
    expect(pdf).not.toBeNull();
    expect(pdf!.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });
});

describe('splitHeading', () => {
  it('detects the three heading levels and splits at the first 。', () => {
    expect(splitHeading('一、总体情况')).toEqual({ level: 1, heading: '一、总体情况', rest: '' });
    expect(splitHeading('十二、其他。正文。')).toEqual({ level: 1, heading: '十二、其他。', rest: '正文。' });
    expect(splitHeading('（三）人才。正文')).toEqual({ level: 2, heading: '（三）人才。', rest: '正文' });
    expect(splitHeading('12.做法。正文')).toEqual({ level: 3, heading: '12.做法。', rest: '正文' });
    expect(splitHeading('3．做法')).toMatchObject({ level: 3 });
    expect(splitHeading('二〇二六年，一、二')).toEqual({
      level: null,
      heading: '',
      rest: '二〇二六年，一、二',
    });
    expect(splitHeading('(一)半角括号')).toMatchObject({ level: null });
    expect(splitHeading('2026年')).toMatchObject({ level: null });
  });
});

describe('renderIssueHtml', () => {
  const doc = sampleIssueDocument(3);
  const html = renderIssueHtml(doc);

  it('is a complete Chinese page sized for A4', () => {
    expect(html).toMatch(/^<!doctype html>\n<html lang="zh-CN">/);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('<title>政协信息第12期</title>');
    expect(html).toContain('@page { size: A4; margin: 37mm 26mm 35mm 28mm; }');
    expect(html).toMatch(/"仿宋_GB2312", [^;]*"Noto Serif CJK SC"/);
    expect(html).not.toMatch(/<script|<link|<img|https?:\/\//i);
  });

  it('shows the masthead in its colour, the number, the titles, the headings and the closing block', () => {
    expect(html).toMatch(/<h1 class="masthead" style="color: #C00000;[^"]*">.*政协信.*息<\/h1>/);
    expect(html).toContain('第12期（总第1034期）');
    expect(html).toContain('<span>安徽省政协办公厅</span><span>2026年11月27日</span>');
    for (const item of doc.items) expect(html).toContain(`<h2>${item.title}</h2>`);
    expect(html).toContain('<p><span class="h1">一、存在的主要问题</span></p>');
    expect(html).toContain('<span class="h2">（一）资源整合不够深入。</span>部分医共体');
    expect(html).toContain('<span class="h3">1.深化管理体制改革。</span>');
    expect(html).toContain('<span class="label">编者按：</span>');
    expect(html).toContain('报：省委常委、省人大常委会党组、省政府党组、省政协领导同志');
    expect(html).toContain('送：省委办公厅、省人大常委会办公厅、省政府办公厅、省纪委监委办公厅');
    expect(html).toContain('发：各市政协、省政协各专门委员会、各民主党派省委、省工商联');
    expect(html).toContain('共印120份');
    expect(html).not.toContain('送审稿');
  });

  it('escapes user text everywhere', () => {
    const evil = sampleIssueDocument(1);
    evil.masthead = '<b>信息</b>';
    evil.mastheadColor = 'red;}</style><script>alert(1)</script>';
    evil.items[0]!.title = '<script>alert("标题")</script>';
    evil.items[0]!.paragraphs = ['一、<img src=x onerror=alert(1)>。"\'&'];
    evil.items[0]!.byline = '</p><script>';
    evil.recipients.bao = ['<iframe>'];
    evil.publisher = '<style>';
    const out = renderIssueHtml(evil);
    expect(out).not.toMatch(/<script|<img|<iframe|<b>/);
    expect(out.match(/<style>/g)).toHaveLength(1);
    expect(out).toContain('<span>&lt;style&gt;</span>');
    expect(out).toContain('<h2>&lt;script&gt;alert(&quot;标题&quot;)&lt;/script&gt;</h2>');
    expect(out).toContain('&lt;img src=x onerror=alert(1)&gt;。</span>&quot;&#39;&amp;</p>');
    expect(out).toContain('报：&lt;iframe&gt;');
    expect(out).toContain('color: #C00000');
    expect(out.match(/<\/style>/g)).toHaveLength(1);
  });

  it('marks a draft and prints a correction', () => {
    const draft = sampleIssueDocument(1);
    draft.draft = true;
    draft.correction = { revision: 3, note: '数字有误。' };
    const out = renderIssueHtml(draft);
    expect(out).toContain('<p class="draft">送审稿　仅供审签</p>');
    expect(out).toContain('<p class="correction">勘误（第3版）：数字有误。</p>');
  });
});
