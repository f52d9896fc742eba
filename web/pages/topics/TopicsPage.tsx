import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import { PageCard } from '../../components/PageCard.tsx';
import { useNotifyError } from '../../components/use-notify.ts';
import { useTopics } from '../../components/use-topics.ts';
import { TopicFormModal, type TopicFormMode } from './TopicFormModal.tsx';
import { TopicRowActions } from './TopicRowActions.tsx';
import { siblingsOf, type Topic, type TopicNode, topicTree } from './topic-types.ts';

const bodyOf = (topic: Topic, patch: Partial<Topic>) => {
  const next = { ...topic, ...patch };
  return { parentId: next.parentId, name: next.name, sortOrder: next.sortOrder, active: next.active };
};

/** The two-level topic dictionary (信息分类). Topics are never deleted: items refer to them. */
export function TopicsPage() {
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const { topics, abilities, loading, reload } = useTopics();
  const [mode, setMode] = useState<TopicFormMode>(null);
  const [collapsed, setCollapsed] = useState<ReadonlySet<number>>(new Set());
  const [busy, setBusy] = useState(false);
  const manage = abilities?.manage ?? false;
  const tree = topicTree(topics);

  const nextSortOrder = (parentId: number | null) =>
    Math.min(999, Math.max(-1, ...topics.filter((t) => t.parentId === parentId).map((t) => t.sortOrder)) + 1);

  const change = async (work: () => Promise<void>, done: string) => {
    setBusy(true);
    try {
      await work();
      message.success(done);
    } catch (error) {
      notifyError(error);
    } finally {
      setBusy(false);
      reload();
    }
  };

  /** Moves a topic one place among its siblings and numbers them 0, 1, 2, … in the new order. */
  const move = (topic: Topic, step: -1 | 1) =>
    change(async () => {
      const siblings = siblingsOf(topics, topic);
      const from = siblings.findIndex((t) => t.id === topic.id);
      const [moved] = siblings.splice(from, 1);
      if (!moved) return;
      siblings.splice(from + step, 0, moved);
      for (const [i, sibling] of siblings.entries()) {
        if (sibling.sortOrder !== i)
          await api.patch(`/topics/${sibling.id}`, bodyOf(sibling, { sortOrder: i }));
      }
    }, '顺序已调整');

  const setActive = (topic: Topic, active: boolean) =>
    change(
      async () => {
        await api.patch(`/topics/${topic.id}`, bodyOf(topic, { active }));
      },
      active ? `“${topic.name}”已启用` : `“${topic.name}”已停用`,
    );

  const columns: TableColumnsType<TopicNode> = [
    {
      title: '分类名称',
      dataIndex: 'name',
      render: (name: string, topic) => (
        <>
          <Typography.Text type={topic.active ? undefined : 'secondary'}>{name}</Typography.Text>
          {topic.parentId === null && topic.children && (
            <Tag style={{ marginInlineStart: 8 }}>{topic.children.length} 个二级分类</Tag>
          )}
        </>
      ),
    },
    { title: '排序号', dataIndex: 'sortOrder', width: 80, responsive: ['md'] },
    {
      title: '状态',
      dataIndex: 'active',
      width: 80,
      render: (active: boolean) => (active ? <Tag color="green">启用</Tag> : <Tag>停用</Tag>),
    },
  ];
  if (manage)
    columns.push({
      title: '操作',
      key: 'actions',
      render: (_, topic) => {
        const siblings = siblingsOf(topics, topic);
        const index = siblings.findIndex((t) => t.id === topic.id);
        return (
          <TopicRowActions
            topic={topic}
            busy={busy}
            first={index === 0}
            last={index === siblings.length - 1}
            onEdit={() => setMode({ kind: 'edit', topic })}
            onAddChild={() => setMode({ kind: 'create', parent: topic, sortOrder: nextSortOrder(topic.id) })}
            onMove={(step) => move(topic, step)}
            onSetActive={(active) => setActive(topic, active)}
          />
        );
      },
    });

  return (
    <PageCard
      title="信息分类"
      actions={
        manage && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setMode({ kind: 'create', parent: null, sortOrder: nextSortOrder(null) })}
            data-testid="topic-create"
          >
            新增一级分类
          </Button>
        )
      }
    >
      <Alert
        type="info"
        showIcon
        title="信息分类供报送时选择，并用于统计与检索。分类不能删除，不再使用的可停用：停用后报送时不再可选，已有信息的分类保持不变。"
        style={{ marginBottom: 12 }}
      />
      <div data-testid="topic-table">
        <Table<TopicNode>
          rowKey="id"
          size="middle"
          loading={loading}
          dataSource={tree}
          columns={columns}
          pagination={false}
          scroll={{ x: 'max-content' }}
          expandable={{
            expandedRowKeys: tree.filter((t) => !collapsed.has(t.id)).map((t) => t.id),
            onExpand: (expanded, topic) =>
              setCollapsed((prev) => {
                const next = new Set(prev);
                if (expanded) next.delete(topic.id);
                else next.add(topic.id);
                return next;
              }),
          }}
        />
      </div>
      <TopicFormModal
        mode={mode}
        onClose={() => setMode(null)}
        onSaved={() => {
          setMode(null);
          reload();
        }}
      />
    </PageCard>
  );
}
