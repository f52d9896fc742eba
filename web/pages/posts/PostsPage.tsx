import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Popconfirm, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { POST_DUTIES } from '../../../shared/items.ts';
import { api, type ListResponse, toQuery } from '../../api/client.ts';
import { PageCard } from '../../components/PageCard.tsx';
import { useApiData, useAssignees, useDesks } from '../../components/use-desk-data.ts';
import { useNotifyError } from '../../components/use-notify.ts';
import { DeskSelect, useDeskChoice } from '../workbench/DeskSelect.tsx';
import { LeavesSection } from './LeavesSection.tsx';
import { PostFormDrawer } from './PostFormDrawer.tsx';
import type { ManageAbilities, PostView } from './post-types.ts';

/** Posts (岗位) of a desk with their A and B holders (AB岗), and the leave calendar. */
export function PostsPage() {
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const { desks, loading: desksLoading } = useDesks();
  const { desk, choose } = useDeskChoice(desks);
  const { assignees } = useAssignees(desk?.id);
  const posts = useApiData<ListResponse<PostView, ManageAbilities>>(
    desk ? `/posts${toQuery({ orgId: desk.id })}` : null,
  );
  const [formTarget, setFormTarget] = useState<'new' | PostView | null>(null);
  const manage = posts.data?.abilities.manage ?? false;
  const rows = desk ? (posts.data?.data ?? []) : [];

  const remove = async (post: PostView) => {
    try {
      await api.delete(`/posts/${post.id}`);
      message.success(`岗位“${post.name}”已删除`);
      posts.reload();
    } catch (error) {
      notifyError(error);
    }
  };

  const columns: TableColumnsType<PostView> = [
    { title: '岗位名称', dataIndex: 'name' },
    { title: '职责', dataIndex: 'duty', render: (duty: PostView['duty']) => POST_DUTIES[duty] },
    { title: 'A岗', key: 'a', render: (_, post) => post.holderA.name },
    { title: 'B岗', key: 'b', render: (_, post) => post.holderB.name },
    {
      title: '今日在岗',
      key: 'onDuty',
      render: (_, post) =>
        post.onDuty.id === post.holderA.id ? (
          post.onDuty.name
        ) : (
          <Space size={4} wrap>
            {post.onDuty.name}
            <Tag color="orange" data-testid="post-standin">
              A岗请假，B岗代岗
            </Tag>
          </Space>
        ),
    },
    { title: '办理时限', dataIndex: 'deadlineHours', render: (hours: number) => `${hours} 小时` },
  ];
  if (manage)
    columns.push({
      title: '操作',
      key: 'actions',
      render: (_, post) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => setFormTarget(post)} data-testid="post-edit">
            编辑
          </Button>
          <Popconfirm
            title={`确定删除岗位“${post.name}”？`}
            okButtonProps={{ danger: true }}
            onConfirm={() => remove(post)}
          >
            <Button type="link" size="small" danger data-testid="post-delete">
              删除
            </Button>
          </Popconfirm>
        </Space>
      ),
    });

  return (
    <PageCard
      title="岗位与请假"
      actions={
        manage && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setFormTarget('new')}
            data-testid="post-create"
          >
            设立岗位
          </Button>
        )
      }
    >
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, marginBottom: 12 }}>
        <DeskSelect desks={desks} loading={desksLoading} value={desk} onChange={choose} />
      </div>
      <Alert
        type="info"
        showIcon
        title="AB岗制度：每个岗位设A岗、B岗。A岗人员请假期间，或信息超过办理时限仍未办理时，该岗位的工作自动转由B岗办理。"
        style={{ marginBottom: 12 }}
      />
      <div data-testid="post-table">
        <Table<PostView>
          rowKey="id"
          size="middle"
          loading={posts.loading}
          dataSource={rows}
          columns={columns}
          pagination={false}
          scroll={{ x: 'max-content' }}
        />
      </div>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        “今日在岗”按今天的请假安排自动确定。
      </Typography.Paragraph>
      {desk && <LeavesSection posts={rows} assignees={assignees} onChanged={posts.reload} />}
      <PostFormDrawer
        target={formTarget}
        desk={desk}
        assignees={assignees}
        onClose={() => setFormTarget(null)}
        onSaved={() => {
          setFormTarget(null);
          posts.reload();
        }}
      />
    </PageCard>
  );
}
