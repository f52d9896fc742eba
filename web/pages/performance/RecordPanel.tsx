import { Button, Descriptions, Empty, Grid, List, Space, Table, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { chineseDate } from '../../../shared/issues.ts';
import { ITEM_STREAMS } from '../../../shared/items.ts';
import {
  COAUTHOR_POLICIES,
  DISPUTE_STATES,
  type DisputeState,
  PERFORMANCE_EVENTS,
  type PerformanceScheme,
} from '../../../shared/performance.ts';
import type { DisputeView, RecordView } from '../../../shared/schemas/performance.ts';
import { formatPoints } from '../../../shared/scoring.ts';
import { formatDateTime } from '../../components/format.ts';

type Entry = RecordView['entries'][number];

const STATE_COLOR: Record<DisputeState, string> = {
  open: 'orange',
  accepted: 'green',
  rejected: 'red',
  withdrawn: 'default',
};

/** The scheme in one sentence, as members read it. */
export function schemeText(s: PerformanceScheme): string {
  const parts = [
    s.submitted ? `报送${s.submitted}分` : '',
    `编用${s.used}分`,
    s.adopted ? `上级采用加${s.adopted}分` : '',
    s.instructed ? `领导批示加${s.instructed}分` : '',
  ].filter(Boolean);
  return `${s.streams.map((k) => ITEM_STREAMS[k]).join('、')}每条${parts.join('，')}；${
    s.capPerItem === null ? '不设单条上限' : `单条最多${s.capPerItem}分`
  }；${COAUTHOR_POLICIES[s.coauthors]}。`;
}

const linesText = (e: Entry) =>
  e.lines.map((l) => `${chineseDate(l.on)}${PERFORMANCE_EVENTS[l.event]}，${l.note.replace(/^[^\d]+/, '')}`);

export function DisputeList({
  disputes,
  action,
}: {
  disputes: DisputeView[];
  action?: (d: DisputeView) => ReactNode;
}) {
  if (disputes.length === 0) return null;
  return (
    <List
      size="small"
      data-testid="dispute-list"
      dataSource={disputes}
      renderItem={(d) => (
        <List.Item data-testid="dispute-row" extra={action?.(d)}>
          <div style={{ width: '100%' }}>
            <Space wrap size={4}>
              <Tag color={STATE_COLOR[d.state]}>{DISPUTE_STATES[d.state]}</Tag>
              <Typography.Text strong>{d.member.name}</Typography.Text>
              <Typography.Text type="secondary">
                {formatDateTime(d.filedAt)}提出{d.itemTitle ? `，涉及《${d.itemTitle}》` : ''}
              </Typography.Text>
            </Space>
            <div>申诉理由：{d.reason}</div>
            {d.reply && (
              <div data-testid="dispute-reply">
                处理意见：{d.reply}
                {d.adjustment !== 0 &&
                  `（${d.adjustment > 0 ? '加' : '减'}${formatPoints(Math.abs(d.adjustment))}分）`}
                <Typography.Text type="secondary">
                  　{d.resolvedBy}
                  {d.resolvedAt ? formatDateTime(d.resolvedAt) : ''}
                </Typography.Text>
              </div>
            )}
          </div>
        </List.Item>
      )}
    />
  );
}

/** One member's year: total, each item with its dated lines, adjustments and disputes. */
export function RecordPanel({
  record,
  entryAction,
  disputeAction,
}: {
  record: RecordView;
  entryAction?: (e: Entry) => ReactNode;
  disputeAction?: (d: DisputeView) => ReactNode;
}) {
  const screens = Grid.useBreakpoint();
  return (
    <div data-testid="performance-record">
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 3 }}
        items={[
          {
            key: 'total',
            label: `${record.year}年度得分`,
            children: <strong data-testid="record-total">{formatPoints(record.total)}</strong>,
          },
          { key: 'items', label: '计分信息', children: `${record.entries.length}条` },
          {
            key: 'adj',
            label: '申诉调整',
            children: record.adjustments
              ? `${record.adjustments > 0 ? '+' : ''}${formatPoints(record.adjustments)}分`
              : '无',
          },
        ]}
      />
      <Typography.Paragraph type="secondary">计分办法：{schemeText(record.scheme)}</Typography.Paragraph>
      {record.entries.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={`${record.year}年度暂无计分的信息`} />
      ) : screens.md ? (
        <Table
          size="small"
          rowKey="itemId"
          pagination={false}
          dataSource={record.entries}
          data-testid="record-entries"
          columns={[
            {
              title: '信息',
              dataIndex: 'title',
              render: (_, e) => <Link to={`/items/${e.itemId}`}>{e.title}</Link>,
            },
            {
              title: '计分事项',
              key: 'lines',
              render: (_, e) => linesText(e).map((t) => <div key={t}>{t}</div>),
            },
            { title: '得分', dataIndex: 'points', width: 80, render: (p: number) => formatPoints(p) },
            ...(entryAction
              ? [{ title: '', key: 'act', width: 90, render: (_: unknown, e: Entry) => entryAction(e) }]
              : []),
          ]}
        />
      ) : (
        <List
          data-testid="record-entries"
          dataSource={record.entries}
          renderItem={(e) => (
            <List.Item extra={entryAction?.(e)}>
              <List.Item.Meta
                title={<Link to={`/items/${e.itemId}`}>{e.title}</Link>}
                description={
                  <>
                    {linesText(e).map((t) => (
                      <div key={t}>{t}</div>
                    ))}
                    <strong>{formatPoints(e.points)}分</strong>
                  </>
                }
              />
            </List.Item>
          )}
        />
      )}
      {record.disputes.length > 0 && (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            申诉
          </Typography.Title>
          <DisputeList disputes={record.disputes} action={disputeAction} />
        </>
      )}
    </div>
  );
}

export function DisputeButton({ onClick, label = '申诉' }: { onClick: () => void; label?: string }) {
  return (
    <Button size="small" onClick={onClick} data-testid="dispute-open">
      {label}
    </Button>
  );
}
