import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, Input, Select, Table, type TableColumnsType, Tooltip } from 'antd';
import {
  DISPATCH_CHANNEL_KEYS,
  DISPATCH_CHANNELS,
  RECIPIENT_GROUP_KEYS,
  RECIPIENT_GROUPS,
} from '../../../shared/issues.ts';
import { newRowKey, type RecipientRow } from './compile-state.ts';

interface Props {
  value: RecipientRow[];
  onChange: (rows: RecipientRow[]) => void;
  disabled?: boolean;
}

const GROUP_OPTIONS = RECIPIENT_GROUP_KEYS.map((g) => ({ value: g, label: RECIPIENT_GROUPS[g] }));
const CHANNEL_OPTIONS = DISPATCH_CHANNEL_KEYS.map((c) => ({ value: c, label: DISPATCH_CHANNELS[c] }));

/** 报、送、发: who receives the issue, whether it goes to the top leaders or upward, and by what channel. */
export function RecipientsEditor({ value, onChange, disabled = false }: Props) {
  const patch = (key: string, change: Partial<RecipientRow>) =>
    onChange(value.map((row) => (row.key === key ? { ...row, ...change } : row)));

  const columns: TableColumnsType<RecipientRow> = [
    {
      title: '类别',
      dataIndex: 'group',
      width: 84,
      render: (_, row) => (
        <Select
          size="small"
          value={row.group}
          options={GROUP_OPTIONS}
          onChange={(group) => patch(row.key, { group })}
          disabled={disabled}
          style={{ width: 64 }}
          aria-label="报、送或发"
        />
      ),
    },
    {
      title: '报送对象',
      dataIndex: 'name',
      render: (_, row) => (
        <Input
          size="small"
          value={row.name}
          maxLength={40}
          placeholder="如：省委办公厅"
          status={row.name.trim() === '' ? 'warning' : undefined}
          onChange={(e) => patch(row.key, { name: e.target.value })}
          disabled={disabled}
          style={{ minWidth: 150 }}
          aria-label="报送对象名称"
          data-testid="recipient-name"
        />
      ),
    },
    {
      title: (
        <Tooltip title="报送对象含省委书记或省长时，本期按相应审签流程审签">
          <span>省委书记/省长</span>
        </Tooltip>
      ),
      dataIndex: 'topLeader',
      width: 112,
      align: 'center',
      render: (_, row) => (
        <Checkbox
          checked={row.topLeader}
          onChange={(e) => patch(row.key, { topLeader: e.target.checked })}
          disabled={disabled}
          aria-label="省委书记或省长"
          data-testid="recipient-top-leader"
        />
      ),
    },
    {
      title: (
        <Tooltip title="报送上级机关（如全国政协办公厅）后，其中信息记为已上报">
          <span>上级机关</span>
        </Tooltip>
      ),
      dataIndex: 'upward',
      width: 84,
      align: 'center',
      render: (_, row) => (
        <Checkbox
          checked={row.upward}
          onChange={(e) => patch(row.key, { upward: e.target.checked })}
          disabled={disabled}
          aria-label="上级机关"
        />
      ),
    },
    {
      title: '报送渠道',
      dataIndex: 'channel',
      width: 124,
      render: (_, row) => (
        <Select
          size="small"
          value={row.channel}
          options={CHANNEL_OPTIONS}
          onChange={(channel) => patch(row.key, { channel })}
          disabled={disabled}
          style={{ width: 108 }}
          aria-label="报送渠道"
        />
      ),
    },
    {
      title: '',
      key: 'remove',
      width: 48,
      render: (_, row) => (
        <Tooltip title="删除此报送对象">
          <Button
            size="small"
            type="text"
            danger
            icon={<DeleteOutlined />}
            aria-label="删除此报送对象"
            disabled={disabled}
            onClick={() => onChange(value.filter((r) => r.key !== row.key))}
          />
        </Tooltip>
      ),
    },
  ];

  return (
    <div data-testid="recipients-editor">
      <Table<RecipientRow>
        rowKey="key"
        size="small"
        columns={columns}
        dataSource={value}
        pagination={false}
        scroll={{ x: 620 }}
        locale={{ emptyText: '尚未填写报送对象' }}
      />
      <Button
        type="dashed"
        block
        icon={<PlusOutlined />}
        style={{ marginTop: 8 }}
        disabled={disabled}
        onClick={() =>
          onChange([
            ...value,
            {
              key: newRowKey(),
              name: '',
              group: 'song',
              topLeader: false,
              upward: false,
              channel: 'confidential',
            },
          ])
        }
        data-testid="recipient-add"
      >
        添加报送对象
      </Button>
    </div>
  );
}
