import { PlusOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Popconfirm, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api, type ListResponse, toQuery } from '../../api/client.ts';
import { type Ref, useApiData } from '../../components/use-desk-data.ts';
import { useNotifyError } from '../../components/use-notify.ts';
import { dayjs } from '../workbench/dayjs-zh.ts';
import { LeaveFormModal } from './LeaveFormModal.tsx';
import {
  daysBetween,
  type LeaveView,
  type ManageAbilities,
  type PostView,
  standIns,
  today,
} from './post-types.ts';

interface Props {
  posts: readonly PostView[];
  assignees: readonly Ref[];
  /** A leave was added or removed: who is on duty today may have changed. */
  onChanged: () => void;
}

const DAY = 'YYYY-MM-DD';

function LeaveState({ leave }: { leave: LeaveView }) {
  const now = today();
  if (leave.endDate < now) return <Tag>已结束</Tag>;
  if (leave.startDate > now) return <Tag color="blue">未开始</Tag>;
  return <Tag color="orange">请假中</Tag>;
}

/** The leave calendar: who is away when, and who stands in for them. */
export function LeavesSection({ posts, assignees, onChanged }: Props) {
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const [range, setRange] = useState({
    from: dayjs().startOf('month').format(DAY),
    to: dayjs().add(1, 'month').endOf('month').format(DAY),
  });
  const [adding, setAdding] = useState(false);
  const { data, loading, reload } = useApiData<ListResponse<LeaveView, ManageAbilities>>(
    `/leaves${toQuery(range)}`,
  );
  const manage = data?.abilities.manage ?? false;

  const remove = async (leave: LeaveView) => {
    try {
      await api.delete(`/leaves/${leave.id}`);
      message.success('请假记录已删除');
      reload();
      onChanged();
    } catch (error) {
      notifyError(error);
    }
  };

  const columns: TableColumnsType<LeaveView> = [
    { title: '请假人', key: 'user', render: (_, leave) => leave.user.name },
    { title: '开始日期', dataIndex: 'startDate' },
    { title: '结束日期', dataIndex: 'endDate' },
    {
      title: '天数',
      key: 'days',
      responsive: ['md'],
      render: (_, leave) => `${daysBetween(leave.startDate, leave.endDate)} 天`,
    },
    { title: '事由', dataIndex: 'note', responsive: ['md'], render: (note: string) => note || '—' },
    { title: '状态', key: 'state', render: (_, leave) => <LeaveState leave={leave} /> },
    {
      title: '期间代岗',
      key: 'standIns',
      render: (_, leave) => {
        const held = standIns(posts, leave.user.id);
        if (held.length === 0) return <Typography.Text type="secondary">不担任本部门A岗</Typography.Text>;
        return held.map((post) => (
          <div key={post.id}>
            {post.name}：由B岗 <Typography.Text strong>{post.holderB.name}</Typography.Text> 办理
          </div>
        ));
      },
    },
  ];
  if (manage)
    columns.push({
      title: '操作',
      key: 'actions',
      render: (_, leave) => (
        <Popconfirm
          title={`确定删除${leave.user.name}的这条请假记录？`}
          okButtonProps={{ danger: true }}
          onConfirm={() => remove(leave)}
        >
          <Button type="link" size="small" danger data-testid="leave-delete">
            删除
          </Button>
        </Popconfirm>
      ),
    });

  return (
    <>
      <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 8, margin: '24px 0 12px' }}>
        <Typography.Title level={5} style={{ margin: 0, marginInlineEnd: 'auto' }}>
          请假安排
        </Typography.Title>
        <DatePicker.RangePicker
          value={[dayjs(range.from, DAY), dayjs(range.to, DAY)]}
          allowClear={false}
          onChange={(next) => {
            if (next?.[0] && next[1]) setRange({ from: next[0].format(DAY), to: next[1].format(DAY) });
          }}
          style={{ width: 260 }}
          data-testid="leave-filter-range"
        />
        {manage && (
          <Button icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="leave-create">
            登记请假
          </Button>
        )}
      </div>
      <div data-testid="leave-table">
        <Table<LeaveView>
          rowKey="id"
          size="middle"
          loading={loading}
          dataSource={data?.data ?? []}
          columns={columns}
          pagination={false}
          scroll={{ x: 'max-content' }}
        />
      </div>
      <LeaveFormModal
        open={adding}
        assignees={assignees}
        onClose={() => setAdding(false)}
        onSaved={() => {
          setAdding(false);
          reload();
          onChanged();
        }}
      />
    </>
  );
}
