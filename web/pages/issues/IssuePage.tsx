import { ArrowLeftOutlined, ReloadOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Descriptions,
  Grid,
  Result,
  Skeleton,
  Space,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ISSUE_STATES, ISSUE_URGENCIES } from '../../../shared/issues.ts';
import { ITEM_STREAMS, type ItemStream } from '../../../shared/items.ts';
import { hasPermission, useMe } from '../../api/session.ts';
import { ApprovalPanel, signerActs } from './ApprovalPanel.tsx';
import { CompileBoard } from './CompileBoard.tsx';
import { CompilerActions } from './CompilerActions.tsx';
import { IssueDispatches } from './IssueDispatches.tsx';
import { IssueEvents } from './IssueEvents.tsx';
import { IssueFeedback } from './IssueFeedback.tsx';
import { IssueFiles } from './IssueFiles.tsx';
import { IssuePreview } from './IssuePreview.tsx';
import { IssueProgress } from './IssueProgress.tsx';
import { type IssueChangeView, type IssueDetail, type IssueRecord, issueApi } from './issue-api.ts';
import { fullDate, listTime, STATE_COLORS, URGENCY_COLORS } from './issue-format.ts';
import { useIssue } from './use-issue.ts';

/** The status, urgency and the tags a leader looks for first. */
function IssueTags({ issue }: { issue: IssueDetail }) {
  return (
    <Space size={4} wrap>
      <Tag color={STATE_COLORS[issue.status]} data-testid="issue-status" data-status={issue.status}>
        {ISSUE_STATES[issue.status]}
      </Tag>
      <Tag color={URGENCY_COLORS[issue.urgency]} data-testid="issue-urgency-tag">
        {ISSUE_URGENCIES[issue.urgency]}
      </Tag>
      {issue.kind === 'supplement' && <Tag color="gold">增刊</Tag>}
      {issue.topLeaders && (
        <Tag color="red" data-testid="issue-top-leaders">
          报省委书记、省长
        </Tag>
      )}
    </Space>
  );
}

/** Where the issue stands, in one line. */
function whereItStands(issue: IssueDetail): string {
  if (issue.status === 'issued') return `${fullDate(issue.signedAt)}签发`;
  if (issue.status === 'reviewing')
    return `${issue.currentStep ?? '审签中'}${issue.waitingFor.length ? `：待${issue.waitingFor.join('、')}审签` : ''}`;
  return '编排中，尚未送审';
}

/**
 * The items as they stand, for those who read rather than compile. Only the information office
 * (item.edit) opens an item's own page; leaders read the text in the preview.
 */
function ItemList({ issue, openItems }: { issue: IssueDetail; openItems: boolean }) {
  return (
    <div data-testid="issue-items">
      {issue.items.length === 0 && <Typography.Text type="secondary">本期尚未编入信息。</Typography.Text>}
      {issue.items.map((item, i) => (
        <div
          key={item.id}
          data-testid="issue-item"
          style={{ padding: '6px 0', borderBottom: '1px solid rgba(5,5,5,0.06)' }}
        >
          <Typography.Text strong>{i + 1}. </Typography.Text>
          {openItems ? (
            <Link to={`/items/${item.id}`} data-testid="issue-item-link">
              {item.title}
            </Link>
          ) : (
            <Typography.Text data-testid="issue-item-title">{item.title}</Typography.Text>
          )}
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {[item.number, ITEM_STREAMS[item.stream as ItemStream], item.authors, `${item.charCount}字`]
                .filter(Boolean)
                .join(' · ')}
            </Typography.Text>
          </div>
        </div>
      ))}
    </div>
  );
}

/** One issue (期): compiling, signing, the page as printed, files and dispatch. */
export function IssuePage() {
  const params = useParams();
  const navigate = useNavigate();
  const me = useMe();
  const id = Number(params.id);
  const { load, reload, refresh, replace, refreshError } = useIssue(id);
  const wide = Grid.useBreakpoint().md ?? false;
  const openItems = hasPermission(me, 'item.edit');
  const compiler = hasPermission(me, 'issue.compile');
  const record = load.state === 'ready' ? load.record : null;

  // What changed since the approver last acted, as first loaded: kept for the page's life, so a
  // refresh (which may come back without it) does not wipe it.
  const [kept, setKept] = useState<{ issueId: number; changes: IssueChangeView[] } | null>(null);
  useEffect(() => {
    const changes = record?.data.changes;
    if (record && changes && changes.length > 0) setKept({ issueId: record.data.id, changes });
  }, [record]);
  const changes = kept && record && kept.issueId === record.data.id ? kept.changes : null;

  // The approver has seen this content once they act on it (not merely by opening the page): the
  // next visit then shows only what changed after that.
  const markSeen = useCallback(() => {
    issueApi.seen(id).catch(() => {
      // Only a convenience for the next visit; nothing to tell the user.
    });
  }, [id]);

  const back = () => {
    // Back within the app where there is somewhere to go back to; else to the user's own list.
    const index = (window.history.state as { idx?: number } | null)?.idx ?? 0;
    if (index > 0) navigate(-1);
    else navigate(compiler ? '/issues' : '/approvals');
  };

  if (load.state === 'missing')
    return (
      <div data-testid="issue-not-found">
        <Result
          status="404"
          title="该期刊物不存在或您无权查看"
          subTitle="该期可能已被删除，或不在您的查看范围内。"
          extra={
            <Button type="primary" onClick={() => navigate('/')}>
              返回工作台
            </Button>
          }
        />
      </div>
    );
  if (load.state === 'failed')
    return (
      <Result
        status="warning"
        title="刊物加载失败"
        subTitle={load.message}
        extra={<Button onClick={reload}>重新加载</Button>}
      />
    );
  if (load.state === 'loading' || !record)
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 8 }} />
      </Card>
    );

  const { data: issue, abilities } = record;
  const compiling = issue.status === 'compiling' && abilities.edit;
  // Adoption and instructions concerning the whole issue, once it has gone out.
  const recordsFeedback = issue.status === 'issued' && hasPermission(me, 'feedback.record');
  const lastReturn = [...issue.events].reverse().find((e) => e.kind === 'return' || e.kind === 'withdraw');
  const onReplace = (next: IssueRecord) => replace(next);

  const tabs = [
    { key: 'preview', label: '版面预览', children: <IssuePreview issue={issue} onRefresh={refresh} /> },
    { key: 'progress', label: '审签进度', children: <IssueProgress issue={issue} /> },
    { key: 'events', label: '办理记录', children: <IssueEvents events={issue.events} /> },
    {
      key: 'files',
      label: `文件${issue.files.length ? `（${issue.files.length}）` : ''}`,
      children: <IssueFiles issue={issue} />,
    },
    ...(issue.status === 'issued'
      ? [
          {
            key: 'dispatch',
            label: '报送登记',
            children: (
              <IssueDispatches
                issue={issue}
                editable={abilities.dispatch}
                meId={me.id}
                onChanged={reload}
                onRefresh={refresh}
              />
            ),
          },
        ]
      : []),
  ];

  return (
    <div data-testid="issue-page" data-issue-id={issue.id} data-status={issue.status}>
      <Card styles={{ body: { padding: wide ? 16 : 12 } }}>
        <div style={{ display: 'flex', gap: 8, alignItems: 'flex-start', flexWrap: 'wrap' }}>
          <Button
            type="text"
            icon={<ArrowLeftOutlined />}
            aria-label="返回"
            onClick={back}
            data-testid="issue-back"
          />
          <div style={{ flex: 1, minWidth: 0 }}>
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="issue-label">
              {issue.label}
            </Typography.Title>
            <div style={{ marginTop: 6 }}>
              <IssueTags issue={issue} />
            </div>
          </div>
          <Button icon={<ReloadOutlined />} onClick={reload} aria-label="刷新" data-testid="issue-reload">
            {wide ? '刷新' : ''}
          </Button>
        </div>
        <Descriptions
          size="small"
          style={{ marginTop: 12 }}
          column={{ xs: 1, sm: 2, lg: 4 }}
          items={[
            { key: 'pub', label: '刊物', children: `《${issue.publication.name}》` },
            { key: 'count', label: '信息', children: `${issue.itemCount}条` },
            { key: 'by', label: '编辑', children: issue.compiledBy.name },
            {
              key: 'where',
              label: '进度',
              children: <span data-testid="issue-where">{whereItStands(issue)}</span>,
            },
            ...(issue.submittedAt
              ? [{ key: 'submitted', label: '送审时间', children: listTime(issue.submittedAt) }]
              : []),
            ...(issue.status === 'issued'
              ? [{ key: 'print', label: '印数', children: `${issue.printRun}份` }]
              : []),
          ]}
        />
        {refreshError && (
          <Alert
            type="error"
            showIcon
            style={{ marginTop: 8 }}
            data-testid="issue-refresh-error"
            title={`未能载入最新状态：${refreshError}`}
            description="页面显示的是此前载入的内容，可能已不是最新。"
            action={
              <Button size="small" onClick={reload}>
                重试
              </Button>
            }
          />
        )}
        {issue.status === 'compiling' && lastReturn && (
          <Alert
            type="warning"
            showIcon
            style={{ marginTop: 8 }}
            data-testid="issue-returned"
            title={`${lastReturn.actor?.name ?? ''}${lastReturn.action}${lastReturn.step ? `（${lastReturn.step}）` : ''}，${listTime(lastReturn.at)}`}
            description={lastReturn.reason ? `理由：${lastReturn.reason}` : undefined}
          />
        )}
        <div style={{ marginTop: 12 }}>
          <CompilerActions record={record} onReplace={onReplace} onRefresh={refresh} />
        </div>
        {recordsFeedback && (
          <div style={{ marginTop: 8 }}>
            <IssueFeedback issue={issue} />
          </div>
        )}
      </Card>

      {signerActs(abilities) && (
        <div style={{ marginTop: 12 }}>
          <ApprovalPanel
            record={record}
            meId={me.id}
            changes={changes}
            onReplace={onReplace}
            onRefresh={refresh}
            onActed={markSeen}
          />
        </div>
      )}

      {compiling && (
        <div style={{ marginTop: 12 }}>
          <CompileBoard
            key={issue.id}
            record={record}
            userId={me.id}
            openItems={openItems}
            onReplace={onReplace}
          />
        </div>
      )}

      {!compiling && (
        <Card title={`本期信息（${issue.items.length}条）`} size="small" style={{ marginTop: 12 }}>
          {issue.editorNote && (
            <Typography.Paragraph style={{ background: '#fafafa', padding: 8, borderRadius: 4 }}>
              <Typography.Text strong>编者按：</Typography.Text>
              {issue.editorNote}
            </Typography.Paragraph>
          )}
          <ItemList issue={issue} openItems={openItems} />
        </Card>
      )}

      <Card style={{ marginTop: 12 }} styles={{ body: { padding: wide ? 16 : 8 } }}>
        <Tabs defaultActiveKey="preview" items={tabs} data-testid="issue-tabs" />
      </Card>
    </div>
  );
}
