import { Typography } from 'antd';
import type { CSSProperties } from 'react';
import type { DiffOp } from '../../../shared/text-diff.ts';
import { fieldKey, fieldLabel } from './item-labels.ts';

export interface FieldDiff {
  field: string;
  ops: DiffOp[];
}

const INSERTED: CSSProperties = {
  color: '#237804',
  background: '#f6ffed',
  textDecoration: 'underline',
  textDecorationColor: '#52c41a',
};
const DELETED: CSSProperties = {
  color: '#a8071a',
  background: '#fff1f0',
  textDecoration: 'line-through',
};

const changed = (diff: FieldDiff) => diff.ops.some((op) => op.op !== 'equal');

/** A per-field, character-level comparison: insertions green and underlined, deletions red and struck. */
export function DiffView({
  diffs,
  testId = 'version-diff',
}: {
  diffs: readonly FieldDiff[];
  testId?: string;
}) {
  const shown = diffs.filter(changed);
  const same = diffs.filter((d) => !changed(d)).map((d) => fieldLabel(d.field));
  return (
    <div data-testid={testId}>
      {shown.length === 0 && <Typography.Text type="secondary">两稿文字完全相同。</Typography.Text>}
      {shown.map((diff) => (
        <div key={diff.field} data-testid={`diff-field-${fieldKey(diff.field)}`} style={{ marginBottom: 12 }}>
          <Typography.Text strong>{fieldLabel(diff.field)}</Typography.Text>
          <div style={{ whiteSpace: 'pre-wrap', lineHeight: 1.9, marginTop: 4, wordBreak: 'break-all' }}>
            {diff.ops.map((op, i) => {
              const key = `${i}-${op.op}`;
              if (op.op === 'insert')
                return (
                  <ins key={key} style={INSERTED} data-diff="insert">
                    {op.text}
                  </ins>
                );
              if (op.op === 'delete')
                return (
                  <del key={key} style={DELETED} data-diff="delete">
                    {op.text}
                  </del>
                );
              return <span key={key}>{op.text}</span>;
            })}
          </div>
        </div>
      ))}
      {shown.length > 0 && same.length > 0 && (
        <Typography.Text type="secondary">未修改：{same.join('、')}</Typography.Text>
      )}
      <div style={{ marginTop: 8, fontSize: 12 }}>
        <Typography.Text type="secondary">
          图例：<ins style={INSERTED}>新增文字</ins>　<del style={DELETED}>删除文字</del>
        </Typography.Text>
      </div>
    </div>
  );
}
