import { PlusOutlined } from '@ant-design/icons';
import {
  Button,
  Checkbox,
  Form,
  type FormListFieldData,
  Input,
  Select,
  Table,
  Tooltip,
  Typography,
} from 'antd';
import {
  DISPATCH_CHANNEL_KEYS,
  DISPATCH_CHANNELS,
  RECIPIENT_GROUP_KEYS,
  RECIPIENT_GROUPS,
} from '../../../shared/issues.ts';
import { type Recipient, recipientSchema } from '../../../shared/schemas/issues.ts';
import { RowMoveActions } from '../../components/RowMoveActions.tsx';
import { zodRule } from '../../components/zod-rule.ts';

const MAX_RECIPIENTS = 60;

export const NEW_RECIPIENT: Recipient = {
  name: '',
  group: 'song',
  topLeader: false,
  upward: false,
  channel: 'confidential',
};

const groupOptions = RECIPIENT_GROUP_KEYS.map((k) => ({ value: k, label: RECIPIENT_GROUPS[k] }));
const channelOptions = DISPATCH_CHANNEL_KEYS.map((k) => ({ value: k, label: DISPATCH_CHANNELS[k] }));
const cell = { marginBottom: 0 };

/**
 * The default addressees of a publication, printed in the closing block under 报, 送 and 发 in
 * the order listed here; each issue starts with this list and may adjust it.
 */
export function RecipientsField() {
  return (
    <Form.List
      name="recipients"
      rules={[
        {
          // Empty names are reported on their own row; here only the list as a whole.
          validator: async (_, list: Partial<Recipient>[] | undefined) => {
            const names = (list ?? []).map((r) => r?.name?.trim()).filter((n): n is string => !!n);
            if (new Set(names).size !== names.length) throw new Error('报送对象不能重复');
            if ((list ?? []).length > MAX_RECIPIENTS) throw new Error(`报送对象最多${MAX_RECIPIENTS}个`);
          },
        },
      ]}
    >
      {(fields, { add, remove, move }, { errors }) => {
        const columns = [
          {
            title: '序号',
            key: 'index',
            width: 56,
            render: (_: unknown, __: FormListFieldData, index: number) => index + 1,
          },
          {
            title: '类别',
            key: 'group',
            width: 84,
            render: (_: unknown, field: FormListFieldData) => (
              <Form.Item
                name={[field.name, 'group']}
                style={cell}
                rules={[zodRule(recipientSchema.shape.group)]}
              >
                <Select options={groupOptions} aria-label="报、送或发" data-testid="recipient-group" />
              </Form.Item>
            ),
          },
          {
            title: '报送对象',
            key: 'name',
            render: (_: unknown, field: FormListFieldData) => (
              <Form.Item
                name={[field.name, 'name']}
                style={cell}
                validateFirst
                rules={[
                  { required: true, whitespace: true, message: '请填写报送对象' },
                  zodRule(recipientSchema.shape.name),
                ]}
              >
                <Input
                  maxLength={40}
                  placeholder="如：全国政协办公厅"
                  style={{ minWidth: 160 }}
                  aria-label="报送对象名称"
                  data-testid="recipient-name"
                />
              </Form.Item>
            ),
          },
          {
            title: (
              <Tooltip title="报送对象含省委书记或省长的期次，按“报省委书记、省长”的审签流程办理">
                <span>省委书记/省长</span>
              </Tooltip>
            ),
            key: 'topLeader',
            width: 112,
            align: 'center' as const,
            render: (_: unknown, field: FormListFieldData) => (
              <Form.Item name={[field.name, 'topLeader']} valuePropName="checked" style={cell}>
                <Checkbox aria-label="省委书记或省长" data-testid="recipient-top" />
              </Form.Item>
            ),
          },
          {
            title: (
              <Tooltip title="如全国政协办公厅：报送后，所刊信息记为已上报">
                <span>上级机关</span>
              </Tooltip>
            ),
            key: 'upward',
            width: 84,
            align: 'center' as const,
            render: (_: unknown, field: FormListFieldData) => (
              <Form.Item name={[field.name, 'upward']} valuePropName="checked" style={cell}>
                <Checkbox aria-label="上级机关" data-testid="recipient-upward" />
              </Form.Item>
            ),
          },
          {
            title: '默认报送渠道',
            key: 'channel',
            width: 128,
            render: (_: unknown, field: FormListFieldData) => (
              <Form.Item
                name={[field.name, 'channel']}
                style={cell}
                rules={[zodRule(recipientSchema.shape.channel)]}
              >
                <Select options={channelOptions} aria-label="默认报送渠道" data-testid="recipient-channel" />
              </Form.Item>
            ),
          },
          {
            title: '操作',
            key: 'actions',
            width: 112,
            render: (_: unknown, field: FormListFieldData, index: number) => (
              <RowMoveActions
                index={index}
                count={fields.length}
                onMove={(to) => move(index, to)}
                onRemove={() => remove(field.name)}
                testId="recipient"
              />
            ),
          },
        ];
        return (
          <Form.Item
            label="默认报送对象"
            extra="按“报、送、发”分组印在版记中，同组按此顺序排列；每期编排时可再调整。"
          >
            <div data-testid="recipients-table">
              <Table<FormListFieldData>
                rowKey="key"
                size="small"
                dataSource={fields}
                columns={columns}
                pagination={false}
                scroll={{ x: 720 }}
                locale={{ emptyText: '尚未设置报送对象' }}
              />
            </div>
            <Form.ErrorList errors={errors} />
            {fields.length < MAX_RECIPIENTS ? (
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() => add({ ...NEW_RECIPIENT })}
                block
                style={{ marginTop: 8 }}
                data-testid="recipient-add"
              >
                添加报送对象
              </Button>
            ) : (
              <Typography.Text type="secondary">报送对象已达上限{MAX_RECIPIENTS}个</Typography.Text>
            )}
          </Form.Item>
        );
      }}
    </Form.List>
  );
}
