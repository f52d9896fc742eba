import { Form, Modal, Select } from 'antd';
import { useEffect } from 'react';
import { refOptions, useAssignees } from '../../components/use-desk-data.ts';

interface Props {
  open: boolean;
  /** The receiving CPPCC: its information-office staff are offered. */
  orgId: number;
  currentId: number | null;
  busy: boolean;
  onCancel: () => void;
  onConfirm: (assigneeId: number) => void;
}

/** 分配承办人: one of the receiving office's staff. */
export function AssignModal({ open, orgId, currentId, busy, onCancel, onConfirm }: Props) {
  const { assignees: staff, loading } = useAssignees(open ? orgId : undefined);
  const [form] = Form.useForm<{ assigneeId: number }>();

  useEffect(() => {
    if (open) form.setFieldsValue({ assigneeId: currentId ?? undefined });
  }, [open, currentId, form]);

  return (
    <Modal
      open={open}
      title="分配承办人"
      okText="确认分配"
      cancelText="取消"
      confirmLoading={busy}
      onCancel={onCancel}
      onOk={() => form.submit()}
      destroyOnHidden
      forceRender
    >
      <Form
        name="item-assign"
        form={form}
        layout="vertical"
        onFinish={(values) => onConfirm(values.assigneeId)}
      >
        <Form.Item name="assigneeId" label="承办人" rules={[{ required: true, message: '请选择承办人' }]}>
          <Select
            showSearch
            optionFilterProp="label"
            loading={loading}
            placeholder="选择信息处工作人员"
            options={refOptions(staff)}
            data-testid="item-assignee-select"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
