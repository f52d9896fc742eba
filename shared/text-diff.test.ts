import { describe, expect, it } from 'vitest';
import { diffContent, diffText } from './text-diff.ts';

describe('character diff', () => {
  it('marks single Chinese characters, not whole words or lines', () => {
    expect(diffText('占比已超过20%', '占比已超过22%')).toEqual([
      { op: 'equal', text: '占比已超过2' },
      { op: 'delete', text: '0' },
      { op: 'insert', text: '2' },
      { op: 'equal', text: '%' },
    ]);
    expect(diffText('建议设立专项资金', '建议设立省级专项资金')).toEqual([
      { op: 'equal', text: '建议设立' },
      { op: 'insert', text: '省级' },
      { op: 'equal', text: '专项资金' },
    ]);
  });

  it('reassembles both texts exactly', () => {
    const a = '一是资金来源单一；二是专业护理人员不足。';
    const b = '一是资金渠道单一；二是护理人员严重不足；三是设施闲置。';
    const ops = diffText(a, b);
    expect(
      ops
        .filter((o) => o.op !== 'insert')
        .map((o) => o.text)
        .join(''),
    ).toBe(a);
    expect(
      ops
        .filter((o) => o.op !== 'delete')
        .map((o) => o.text)
        .join(''),
    ).toBe(b);
  });

  it('compares an item field by field, leaving out fields empty in both', () => {
    const base = { title: '标题', situation: '情况', analysis: '', suggestion: '建议', body: '' };
    expect(diffContent(base, { ...base, suggestion: '新建议' }).map((f) => f.field)).toEqual([
      '标题',
      '情况',
      '建议',
    ]);
  });

  it('gives up quickly on long, wholly different texts and shows them replaced', () => {
    const a = Array.from({ length: 20_000 }, (_, i) => String.fromCodePoint(0x4e00 + ((i * 7) % 2000))).join(
      '',
    );
    const b = Array.from({ length: 20_000 }, (_, i) => String.fromCodePoint(0x6000 + ((i * 13) % 2000))).join(
      '',
    );
    expect(diffText(a, b)).toEqual([
      { op: 'delete', text: a },
      { op: 'insert', text: b },
    ]);
  });
});
