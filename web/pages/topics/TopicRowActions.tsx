import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import { Button, Popconfirm, Space, Tooltip } from 'antd';
import type { Topic } from './topic-types.ts';

interface Props {
  topic: Topic;
  /** Another change is being saved. */
  busy: boolean;
  first: boolean;
  last: boolean;
  onEdit: () => void;
  onAddChild: () => void;
  onMove: (step: -1 | 1) => void;
  onSetActive: (active: boolean) => void;
}

export function TopicRowActions({
  topic,
  busy,
  first,
  last,
  onEdit,
  onAddChild,
  onMove,
  onSetActive,
}: Props) {
  return (
    <Space size={0} wrap>
      <Tooltip title="上移">
        <Button
          type="text"
          size="small"
          icon={<ArrowUpOutlined />}
          disabled={busy || first}
          onClick={() => onMove(-1)}
          aria-label="上移"
          data-testid="topic-up"
        />
      </Tooltip>
      <Tooltip title="下移">
        <Button
          type="text"
          size="small"
          icon={<ArrowDownOutlined />}
          disabled={busy || last}
          onClick={() => onMove(1)}
          aria-label="下移"
          data-testid="topic-down"
        />
      </Tooltip>
      <Button type="link" size="small" onClick={onEdit} data-testid="topic-edit">
        修改
      </Button>
      {topic.parentId === null && (
        <Button type="link" size="small" onClick={onAddChild} data-testid="topic-add-child">
          新增二级分类
        </Button>
      )}
      {topic.active ? (
        <Popconfirm
          title={`确定停用“${topic.name}”？`}
          description={
            topic.parentId === null
              ? '停用后报送时不再可选该分类；已有信息的分类保持不变。其下二级分类请视需要一并停用。'
              : '停用后报送时不再可选该分类；已有信息的分类保持不变。'
          }
          onConfirm={() => onSetActive(false)}
        >
          <Button type="link" size="small" danger disabled={busy} data-testid="topic-disable">
            停用
          </Button>
        </Popconfirm>
      ) : (
        <Button
          type="link"
          size="small"
          disabled={busy}
          onClick={() => onSetActive(true)}
          data-testid="topic-enable"
        >
          启用
        </Button>
      )}
    </Space>
  );
}
