import { Tag, Typography } from 'antd';
import { DiffView } from '../item/DiffView.tsx';
import type { IssueChangeView } from './issue-api.ts';

const KIND_TAGS: Record<IssueChangeView['kind'], { label: string; color: string }> = {
  added: { label: '新编入', color: 'green' },
  removed: { label: '已移出', color: 'red' },
  moved: { label: '调整顺序', color: 'blue' },
  text: { label: '文字修改', color: 'orange' },
  note: { label: '编者按修改', color: 'orange' },
  recipients: { label: '报送对象调整', color: 'purple' },
};

/** What changed in the issue since the approver last looked: items in and out, order, and the words. */
export function IssueChanges({ changes }: { changes: readonly IssueChangeView[] }) {
  return (
    <div data-testid="issue-changes">
      {changes.map((change, i) => {
        const tag = KIND_TAGS[change.kind];
        return (
          <div
            // biome-ignore lint/suspicious/noArrayIndexKey: the list is fixed for one load of the page
            key={i}
            data-testid="issue-change"
            data-kind={change.kind}
            style={{ padding: '8px 0', borderBottom: '1px solid rgba(5,5,5,0.06)' }}
          >
            <div>
              <Tag color={tag.color}>{tag.label}</Tag>
              <Typography.Text strong={change.kind !== 'note'}>
                {change.kind === 'note' || change.kind === 'recipients' ? '' : change.title}
              </Typography.Text>
            </div>
            {change.diff && (
              <div style={{ marginTop: 6 }}>
                <DiffView
                  diffs={[{ field: change.kind === 'note' ? '编者按' : '标题及正文', ops: change.diff }]}
                  testId="issue-change-diff"
                />
              </div>
            )}
          </div>
        );
      })}
    </div>
  );
}
