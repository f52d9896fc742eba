import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined } from '@ant-design/icons';
import { Button, Space, Tooltip } from 'antd';

interface Props {
  index: number;
  count: number;
  /** Moves the row to this index. */
  onMove: (to: number) => void;
  onRemove: () => void;
  /** Test ids `<prefix>-up`, `<prefix>-down`, `<prefix>-remove`. */
  testId: string;
  removeLabel?: string;
  removeDisabled?: boolean;
}

/** 上移 / 下移 / 删除 for one row of an ordered list edited in place. */
export function RowMoveActions({
  index,
  count,
  onMove,
  onRemove,
  testId,
  removeLabel = '删除',
  removeDisabled,
}: Props) {
  return (
    <Space size={0}>
      <Tooltip title="上移">
        <Button
          type="text"
          size="small"
          icon={<ArrowUpOutlined />}
          disabled={index === 0}
          onClick={() => onMove(index - 1)}
          aria-label="上移"
          data-testid={`${testId}-up`}
        />
      </Tooltip>
      <Tooltip title="下移">
        <Button
          type="text"
          size="small"
          icon={<ArrowDownOutlined />}
          disabled={index === count - 1}
          onClick={() => onMove(index + 1)}
          aria-label="下移"
          data-testid={`${testId}-down`}
        />
      </Tooltip>
      <Tooltip title={removeLabel}>
        <Button
          type="text"
          size="small"
          danger
          icon={<DeleteOutlined />}
          disabled={removeDisabled}
          onClick={onRemove}
          aria-label={removeLabel}
          data-testid={`${testId}-remove`}
        />
      </Tooltip>
    </Space>
  );
}
