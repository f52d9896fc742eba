import { EditOutlined, FileAddOutlined, HistoryOutlined } from '@ant-design/icons';
import { Button, Card, Space, Tag, Tooltip, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { chineseDate } from '../../../shared/issues.ts';
import { ITEM_STREAMS } from '../../../shared/items.ts';
import { MastheadSample } from './MastheadSample.tsx';
import { cadenceOf, cstDay, type PublicationView } from './publication-types.ts';

interface Props {
  publication: PublicationView;
  now: Date;
  /** Compiles this CPPCC's issues: may start a new one and open the past ones. */
  compile: boolean;
  /** Keeps the publication's settings (system administrator). */
  manage: boolean;
  onCompile: () => void;
  onEdit: () => void;
}

/** One publication: its masthead, this week's progress, the issues under way and the last one. */
export function PublicationCard({ publication: p, now, compile, manage, onCompile, onEdit }: Props) {
  const navigate = useNavigate();
  const cadence = cadenceOf(p, now);
  const cadenceText = (
    <Typography.Text
      strong={cadence.behind}
      type={cadence.behind ? 'warning' : undefined}
      data-testid="publication-cadence"
      data-behind={cadence.behind ? 'true' : 'false'}
    >
      {cadence.text}
    </Typography.Text>
  );
  return (
    <Card
      size="small"
      style={{ height: '100%', opacity: p.active ? 1 : 0.75 }}
      styles={{ body: { display: 'flex', flexDirection: 'column', gap: 8, height: '100%' } }}
      data-testid="publication-card"
      data-publication-id={p.id}
      data-name={p.name}
    >
      <MastheadSample masthead={p.masthead} color={p.mastheadColor} marking={p.marking} compact />
      <Space size={[8, 4]} wrap align="center">
        <Typography.Title level={5} style={{ margin: 0 }} data-testid="publication-name">
          《{p.name}》
        </Typography.Title>
        {!p.active && <Tag data-testid="publication-inactive">已停刊</Tag>}
        {p.singleItem && <Tag color="red">专报·每期一篇</Tag>}
      </Space>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        刊载{p.streams.map((s) => ITEM_STREAMS[s]).join('、')} · {p.publisher} · 共印{p.printRun}份
      </Typography.Text>
      <Space size={[16, 4]} wrap>
        {cadence.behind ? (
          <Tooltip
            title={`按每周${p.perWeek}期的编发频次，本周此时应已编发${cadence.expected}期`}
            placement="bottom"
          >
            <span>
              {cadenceText}
              <Tag color="warning" style={{ marginInlineStart: 6 }}>
                进度滞后
              </Tag>
            </span>
          </Tooltip>
        ) : (
          cadenceText
        )}
        <Typography.Text data-testid="publication-in-progress">编排/审签中 {p.inProgress} 期</Typography.Text>
      </Space>
      <Typography.Text type="secondary" data-testid="publication-last">
        {p.lastIssue
          ? `上一期：${p.lastIssue.label}${p.lastIssue.signedAt ? `，${chineseDate(cstDay(p.lastIssue.signedAt))}签发` : ''}`
          : '尚无已签发的期次'}
      </Typography.Text>
      {(compile || manage) && (
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, marginTop: 'auto', paddingTop: 4 }}>
          {compile && p.active && (
            <Button
              type="primary"
              icon={<FileAddOutlined />}
              onClick={onCompile}
              data-testid="publication-compile"
            >
              编排新一期
            </Button>
          )}
          {compile && (
            <Button
              icon={<HistoryOutlined />}
              onClick={() => navigate(`/issues?publicationId=${p.id}`)}
              data-testid="publication-history"
            >
              查看往期
            </Button>
          )}
          {manage && (
            <Button icon={<EditOutlined />} onClick={onEdit} data-testid="publication-edit">
              修改
            </Button>
          )}
        </div>
      )}
    </Card>
  );
}
