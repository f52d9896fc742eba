import { Alert, Card, Grid, List, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { chineseDate } from '../../../shared/issues.ts';
import { formatPoints } from '../../../shared/scoring.ts';
import { api, isAbortError, type ListResponse } from '../../api/client.ts';

interface ScoreLine {
  id: number;
  source: string;
  ruleKey: string;
  subject: { type: 'user' | 'org'; id: number; name: string };
  points: number;
  occurredOn: string;
  explanation: string;
}

/**
 * 计分明细: every point the item earned, for whom, and the event and rule it came from, as the
 * ledger holds it (GET /items/:id/score). `refreshKey` changes when the item or its feedback does.
 */
export function ItemScoreCard({ itemId, refreshKey }: { itemId: number; refreshKey: string }) {
  const [lines, setLines] = useState<ScoreLine[] | null>(null);
  const [failed, setFailed] = useState<string | null>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: refreshKey changes when the item's events do; the lines are fetched again then
  useEffect(() => {
    const controller = new AbortController();
    api
      .get<ListResponse<ScoreLine, Record<string, never>>>(`/items/${itemId}/score`, {
        signal: controller.signal,
      })
      .then((answer) => {
        setLines(answer.data);
        setFailed(null);
      })
      .catch((error: unknown) => {
        if (!isAbortError(error)) setFailed(error instanceof Error ? error.message : '加载失败');
      });
    return () => controller.abort();
  }, [itemId, refreshKey]);

  const screens = Grid.useBreakpoint();
  if (failed) return <Alert type="warning" showIcon title={`计分明细加载失败：${failed}`} />;
  if (!lines || lines.length === 0) return null;
  const subject = (l: ScoreLine) => (
    <span>
      <Tag color={l.subject.type === 'org' ? 'blue' : 'green'}>
        {l.subject.type === 'org' ? '单位' : '个人'}
      </Tag>
      {l.subject.name}
    </span>
  );
  if (!screens.md)
    return (
      <Card title="计分明细" styles={{ body: { padding: '4px 16px' } }} data-testid="item-score">
        <List
          dataSource={lines}
          rowKey="id"
          renderItem={(l) => (
            <List.Item>
              <div style={{ width: '100%' }}>
                <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
                  {subject(l)}
                  <Typography.Text strong>{formatPoints(l.points)}分</Typography.Text>
                </div>
                <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                  {chineseDate(l.occurredOn)}　{l.explanation}
                </Typography.Text>
              </div>
            </List.Item>
          )}
        />
      </Card>
    );
  return (
    <Card title="计分明细" styles={{ body: { padding: 0 } }} data-testid="item-score">
      <Table<ScoreLine>
        rowKey="id"
        size="small"
        pagination={false}
        scroll={{ x: 560 }}
        dataSource={lines}
        columns={[
          { title: '日期', dataIndex: 'occurredOn', width: 120, render: (d: string) => chineseDate(d) },
          {
            title: '计分对象',
            width: 150,
            render: (_: unknown, l) => subject(l),
          },
          {
            title: '分值',
            dataIndex: 'points',
            width: 70,
            align: 'right',
            render: (p: number) => <Typography.Text strong>{formatPoints(p)}</Typography.Text>,
          },
          {
            title: '依据',
            dataIndex: 'explanation',
            render: (e: string) => <Typography.Text type="secondary">{e}</Typography.Text>,
          },
        ]}
      />
    </Card>
  );
}
