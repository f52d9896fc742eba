import { Form, Input, Modal } from 'antd';
import { useEffect } from 'react';
import { ITEM_ACTIONS, type ItemAction } from '../../../shared/workflow/items.ts';

const PROMPTS: Partial<Record<ItemAction, string>> = {
  return: '请写明需要作者修改或补充的内容，作者将看到此理由',
  reject: '请写明不予采用的理由，作者将看到此理由',
  deselect: '请写明撤销拟用的理由，作者将看到此理由',
  refer: '请写明转办理由，作者将看到此理由',
};

interface Props {
  action: ItemAction | null;
  busy: boolean;
  onCancel: () => void;
  onConfirm: (reason: string) => void;
}

/** The written reason an action requires (退回、不予采用、撤销拟用). */
export function ReasonModal({ action, busy, onCancel, onConfirm }: Props) {
  const [form] = Form.useForm<{ reason: string }>();
  useEffect(() => {
    if (action) form.resetFields();
  }, [action, form]);
  const label = action ? ITEM_ACTIONS[action].label : '';

  return (
    <Modal
      open={action !== null}
      title={label}
      okText={`确认${label}`}
      cancelText="取消"
      confirmLoading={busy}
      onCancel={onCancel}
      onOk={() => form.submit()}
      okButtonProps={{ danger: action === 'reject' }}
      destroyOnHidden
      forceRender
    >
      <Form
        name="item-reason"
        form={form}
        layout="vertical"
        onFinish={(values) => onConfirm(values.reason.trim())}
      >
        <Form.Item
          name="reason"
          label="理由"
          rules={[
            { required: true, whitespace: true, message: '请填写理由' },
            { max: 1000, message: '理由最多1000个字' },
          ]}
        >
          <Input.TextArea
            rows={5}
            maxLength={1000}
            showCount
            placeholder={action ? PROMPTS[action] : undefined}
            data-testid="item-reason-input"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
