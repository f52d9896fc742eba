import { DownloadOutlined, ReloadOutlined } from '@ant-design/icons';
import { App, Button, Descriptions, Popconfirm, Skeleton, Table, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import {
  AWARD_ENTRY_STATUSES,
  AWARD_KIND_KEYS,
  AWARD_KINDS,
  AWARD_ROUND_STATES,
  type AwardEntryStatus,
  type AwardKind,
  awardPeriodLabel,
} from '../../../shared/awards.ts';
import type { AwardEntryView, AwardRoundView } from '../../../shared/schemas/awards.ts';
import { formatPoints } from '../../../shared/scoring.ts';
import { api } from '../../api/client.ts';
import { formatDateTime } from '../../components/format.ts';
import { PageCard } from '../../components/PageCard.tsx';
import { useApiData } from '../../components/use-desk-data.ts';
import { useNotifyError } from '../../components/use-notify.ts';
import { AdjustModal, type AdjustTarget } from './AdjustModal.tsx';

interface RoundAnswer {
  data: AwardRoundView & { entries: AwardEntryView[]; title: string };
  abilities: { manage: boolean };
}

const STATUS_COLOR: Record<AwardEntryStatus, string> = {
  candidate: 'blue',
  added: 'green',
  removed: 'default',
};
const NAME_TITLE: Record<AwardKind, string> = { unit: '单位', person: '姓名', item: '信息标题' };
const UNIT_TITLE: Record<AwardKind, string> = { unit: '类别', person: '所在单位', item: '报送单位' };

/** One round: the three lists with the committee's adjustments, recomputation, finalisation, files. */
export function AwardRoundPage() {
  const id = Number(useParams().id);
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const round = useApiData<RoundAnswer>(`/awards/${id}`);
  const [target, setTarget] = useState<AdjustTarget | null>(null);
  const [busy, setBusy] = useState(false);
  const r = round.data?.data;
  const manage = round.data?.abilities.manage ?? false;

  const run = async (path: string, done: string) => {
    setBusy(true);
    try {
      await api.post(`/awards/${id}/${path}`);
      message.success(done);
      round.reload();
    } catch (error) {
      notifyError(error);
    } finally {
      setBusy(false);
    }
  };

  if (!r) return <PageCard title="评选表彰">{<Skeleton active />}</PageCard>;
  const action = (e: AwardEntryView) => {
    if (!manage) return null;
    const subject = { id: e.subjectId, name: e.name };
    const open = (a: AdjustTarget['action']) => () => setTarget({ action: a, kind: e.kind, subject });
    if (e.status === 'candidate')
      return (
        <Button size="small" danger onClick={open('remove')} data-testid="award-remove">
          调出
        </Button>
      );
    return (
      <Button size="small" onClick={open('restore')} data-testid="award-restore">
        {e.status === 'added' ? '撤销增补' : '恢复'}
      </Button>
    );
  };
  const table = (kind: AwardKind) => (
    <Table
      size="small"
      rowKey="subjectId"
      data-testid={`award-entries-${kind}`}
      dataSource={r.entries.filter((e) => e.kind === kind)}
      pagination={false}
      scroll={{ x: 720 }}
      locale={{ emptyText: '期间内没有得分的对象' }}
      columns={[
        { title: '名次', dataIndex: 'rank', width: 60, render: (v: number | null) => v ?? '—' },
        { title: NAME_TITLE[kind], dataIndex: 'name' },
        { title: UNIT_TITLE[kind], dataIndex: 'unit', width: 180 },
        { title: '得分', dataIndex: 'score', width: 80, render: (p: number) => formatPoints(p) },
        {
          title: '状态',
          key: 'status',
          width: 220,
          render: (_, e) => (
            <>
              <Tag color={STATUS_COLOR[e.status]}>{AWARD_ENTRY_STATUSES[e.status]}</Tag>
              {e.reason && <span style={{ color: '#666' }}>{e.reason}</span>}
            </>
          ),
        },
        ...(manage
          ? [
              {
                title: '操作',
                key: 'action',
                width: 100,
                render: (_: unknown, e: AwardEntryView) => action(e),
              },
            ]
          : []),
      ]}
    />
  );

  return (
    <PageCard
      title={r.name}
      actions={
        <>
          {manage && (
            <Popconfirm
              title="按最新计分重新生成候选名单？已作的调出和增补保留。"
              onConfirm={() => run('recompute', '候选名单已重新计算')}
            >
              <Button icon={<ReloadOutlined />} loading={busy} data-testid="award-recompute">
                重新计算
              </Button>
            </Popconfirm>
          )}
          {manage && (
            <Popconfirm
              title="确定名单后不能再调整或重新计算，确定吗？"
              okText="确定名单"
              onConfirm={() => run('finalize', '名单已确定')}
            >
              <Button type="primary" loading={busy} data-testid="award-finalize">
                确定名单
              </Button>
            </Popconfirm>
          )}
          <Button icon={<DownloadOutlined />} href={`/api/awards/${id}/document`} data-testid="award-docx">
            下载Word
          </Button>
          <Button icon={<DownloadOutlined />} href={`/api/awards/${id}/workbook`} data-testid="award-xlsx">
            下载Excel
          </Button>
        </>
      }
    >
      <Descriptions size="small" column={{ xs: 1, sm: 2, md: 3 }} style={{ marginBottom: 12 }}>
        <Descriptions.Item label="政协">{r.orgName}</Descriptions.Item>
        <Descriptions.Item label="评选期间">
          {awardPeriodLabel(r.from, r.to)}（{r.from}至{r.to}）
        </Descriptions.Item>
        <Descriptions.Item label="状态">
          <Tag color={r.state === 'final' ? 'green' : 'blue'} data-testid="award-state">
            {AWARD_ROUND_STATES[r.state]}
          </Tag>
        </Descriptions.Item>
        <Descriptions.Item label="名额">
          {AWARD_KIND_KEYS.map((k) => `${AWARD_KINDS[k]}${r.quotas[k]}`).join('，')}
        </Descriptions.Item>
        <Descriptions.Item label="计算时间">{formatDateTime(r.computedAt)}</Descriptions.Item>
        <Descriptions.Item label={r.finalizedAt ? '定稿' : '发起'}>
          {r.finalizedAt
            ? `${r.finalizedBy} ${formatDateTime(r.finalizedAt)}`
            : `${r.createdBy} ${formatDateTime(r.createdAt)}`}
        </Descriptions.Item>
      </Descriptions>
      <Tabs
        items={AWARD_KIND_KEYS.map((kind) => ({
          key: kind,
          label: AWARD_KINDS[kind],
          children: (
            <>
              {manage && (
                <Button
                  size="small"
                  style={{ marginBottom: 8 }}
                  onClick={() => setTarget({ action: 'add', kind })}
                  data-testid={`award-add-${kind}`}
                >
                  增补{AWARD_KINDS[kind]}
                </Button>
              )}
              {table(kind)}
            </>
          ),
        }))}
      />
      <AdjustModal
        roundId={id}
        target={target}
        onClose={() => setTarget(null)}
        onDone={() => {
          setTarget(null);
          round.reload();
        }}
      />
    </PageCard>
  );
}
