import { RightOutlined } from '@ant-design/icons';
import { Card, Empty, Pagination, Skeleton, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { ISSUE_STATES, ISSUE_URGENCIES } from '../../../shared/issues.ts';
import type { IssueSummary } from './issue-api.ts';
import { listTime, STATE_COLORS, URGENCY_COLORS } from './issue-format.ts';

interface Props {
  issues: readonly IssueSummary[];
  loading: boolean;
  total: number;
  page: number;
  pageSize: number;
  onPage: (page: number) => void;
  empty: string;
  /** The approver's view: when it was sent and by whom first. */
  signing?: boolean;
  testId?: string;
}

/** The phone list of issues: one card each, a link to the issue (tap, or Enter from the keyboard). */
export function IssueCards({
  issues,
  loading,
  total,
  page,
  pageSize,
  onPage,
  empty,
  signing,
  testId,
}: Props) {
  if (loading && issues.length === 0) return <Skeleton active paragraph={{ rows: 5 }} />;
  if (issues.length === 0)
    return (
      <div data-testid={testId}>
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} />
      </div>
    );
  return (
    <div data-testid={testId}>
      {issues.map((issue) => (
        <Link
          key={issue.id}
          to={`/issues/${issue.id}`}
          style={{ display: 'block', color: 'inherit', marginBottom: 10, borderRadius: 8 }}
          data-testid="issue-card"
          data-issue-id={issue.id}
        >
          <Card size="small" hoverable styles={{ body: { padding: 12 } }}>
            <div style={{ display: 'flex', gap: 6, alignItems: 'center', flexWrap: 'wrap' }}>
              <Tag color={STATE_COLORS[issue.status]} style={{ marginInlineEnd: 0 }}>
                {ISSUE_STATES[issue.status]}
              </Tag>
              {issue.urgency !== 'normal' && (
                <Tag color={URGENCY_COLORS[issue.urgency]} style={{ marginInlineEnd: 0 }}>
                  {ISSUE_URGENCIES[issue.urgency]}
                </Tag>
              )}
              {issue.topLeaders && (
                <Tag color="red" style={{ marginInlineEnd: 0 }}>
                  报省委书记、省长
                </Tag>
              )}
              <span style={{ flex: 1 }} />
              <RightOutlined style={{ color: '#bfbfbf' }} />
            </div>
            <Typography.Paragraph strong style={{ margin: '8px 0 4px', fontSize: 15 }} ellipsis={{ rows: 2 }}>
              {issue.label}
            </Typography.Paragraph>
            {issue.status === 'reviewing' && issue.currentStep && (
              <div>
                <Typography.Text>
                  {issue.currentStep}
                  {issue.waitingFor.length > 0 && (
                    <Typography.Text type="secondary">（待{issue.waitingFor.join('、')}）</Typography.Text>
                  )}
                </Typography.Text>
              </div>
            )}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {`${issue.itemCount}条信息 · 编辑${issue.compiledBy.name} · `}
              {signing && issue.submittedAt
                ? `送审于${listTime(issue.submittedAt)}`
                : issue.signedAt
                  ? `签发于${listTime(issue.signedAt)}`
                  : `更新于${listTime(issue.updatedAt)}`}
            </Typography.Text>
          </Card>
        </Link>
      ))}
      {total > pageSize && (
        <Pagination
          simple
          current={page}
          pageSize={pageSize}
          total={total}
          onChange={onPage}
          style={{ textAlign: 'center' }}
        />
      )}
    </div>
  );
}
