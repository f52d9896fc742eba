import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Popconfirm, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { chineseDate } from '../../../shared/issues.ts';
import { NOTICE_STATUSES, type NoticeStatus } from '../../../shared/schemas/portal.ts';
import { ApiError, toQuery } from '../../api/client.ts';
import { useApiData } from '../../components/use-desk-data.ts';
import { type NoticeList, type NoticeView, noticeApi } from './disclosures-api.ts';
import { NoticeModal } from './NoticeModal.tsx';
import { ReasonDialog } from './ReasonDialog.tsx';

const COLORS: Record<NoticeStatus, string> = { draft: 'gold', published: 'green', withdrawn: 'default' };

/** 门户公告: drafts, publishing, corrections and withdrawal of the office's notices. */
export function NoticesPanel() {
  const { message } = App.useApp();
  const [page, setPage] = useState(1);
  const list = useApiData<NoticeList>(`/notices${toQuery({ page })}`);
  const [editing, setEditing] = useState<'new' | NoticeView | null>(null);
  const [withdrawing, setWithdrawing] = useState<NoticeView | null>(null);
  const desks = list.data?.abilities.desks ?? [];

  const publish = async (n: NoticeView) => {
    try {
      await noticeApi.publish(n.id, n.version);
      message.success('公告已发布');
      list.reload();
    } catch (failure) {
      message.error(failure instanceof ApiError ? failure.message : '发布失败，请稍后再试');
    }
  };

  return (
    <div data-testid="notice-panel">
      <div style={{ display: 'flex', justifyContent: 'flex-end', marginBottom: 12 }}>
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setEditing('new')}
          disabled={desks.length === 0}
          data-testid="notice-create"
        >
          新建公告
        </Button>
      </div>
      <Table<NoticeView>
        rowKey="id"
        size="middle"
        loading={list.loading}
        dataSource={list.data?.data ?? []}
        scroll={{ x: 720 }}
        pagination={{ current: page, total: list.data?.total ?? 0, pageSize: 20, onChange: setPage }}
        columns={[
          {
            title: '标题',
            key: 'title',
            render: (_, n) => (
              <span data-testid="notice-row" data-title={n.title}>
                {n.pinned && <Tag color="red">置顶</Tag>}
                {n.status === 'published' ? <Link to={`/portal/notices/${n.id}`}>{n.title}</Link> : n.title}
              </span>
            ),
          },
          {
            title: '状态',
            key: 'status',
            width: 90,
            render: (_, n) => <Tag color={COLORS[n.status]}>{NOTICE_STATUSES[n.status]}</Tag>,
          },
          { title: '发布日期', key: 'on', width: 150, render: (_, n) => chineseDate(n.publishOn) },
          {
            title: '操作',
            key: 'actions',
            width: 200,
            render: (_, n) =>
              n.status === 'withdrawn' ? (
                `撤下理由：${n.withdrawn?.reason ?? ''}`
              ) : (
                <Space wrap size={4}>
                  <Button size="small" onClick={() => setEditing(n)} data-testid="notice-edit">
                    修改
                  </Button>
                  {n.status === 'draft' && (
                    <Popconfirm
                      title="发布后自发布日期起在门户公开，确认发布？"
                      okText="发布"
                      cancelText="取消"
                      onConfirm={() => publish(n)}
                    >
                      <Button size="small" type="primary" data-testid="notice-publish">
                        发布
                      </Button>
                    </Popconfirm>
                  )}
                  <Button size="small" danger onClick={() => setWithdrawing(n)} data-testid="notice-withdraw">
                    撤下
                  </Button>
                </Space>
              ),
          },
        ]}
      />
      <NoticeModal target={editing} desks={desks} onClose={() => setEditing(null)} onSaved={list.reload} />
      <ReasonDialog
        open={withdrawing !== null}
        title="撤下公告"
        explanation="撤下后公告立即从门户消失；记录予以保留。"
        okText="确认撤下"
        testId="notice-withdraw-dialog"
        onClose={() => setWithdrawing(null)}
        onConfirm={async (reason) => {
          if (!withdrawing) return;
          await noticeApi.withdraw(withdrawing.id, { reason, version: withdrawing.version });
          message.success('公告已撤下');
          list.reload();
        }}
      />
    </div>
  );
}
