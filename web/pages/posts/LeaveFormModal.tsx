import { App, Button, DatePicker, Form, Input, Modal, Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import { leaveInput } from '../../../shared/schemas/posts.ts';
import { api } from '../../api/client.ts';
import { type Ref, refOptions } from '../../components/use-desk-data.ts';
import { useNotifyError } from '../../components/use-notify.ts';
import type { Dayjs } from '../workbench/dayjs-zh.ts';

interface Props {
  open: boolean;
  assignees: readonly Ref[];
  onClose: () => void;
  onSaved: () => void;
}

interface Values {
  userId: number;
  range: [Dayjs, Dayjs];
  note: string;
}

const DAY = 'YYYY-MM-DD';

/** Record a staff member's leave; their A posts go to the B holders for those days. */
export function LeaveFormModal({ open, assignees, onClose, onSaved }: Props) {
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);

  const submit = async (values: Values) => {
    const parsed = leaveInput.safeParse({
      userId: values.userId,
      startDate: values.range[0].format(DAY),
      endDate: values.range[1].format(DAY),
      note: values.note ?? '',
    });
    if (!parsed.success) {
      form.setFields([{ name: 'range', errors: parsed.error.issues.map((issue) => issue.message) }]);
      return;
    }
    setSaving(true);
    try {
      await api.post('/leaves', parsed.data);
      message.success('请假已登记');
      onSaved();
    } catch (error) {
      notifyError(error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      title="登记请假"
      open={open}
      onCancel={onClose}
      forceRender
      footer={
        <Space>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" loading={saving} onClick={() => form.submit()} data-testid="leave-submit">
            保存
          </Button>
        </Space>
      }
    >
      <Form name="leave" form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="userId" label="请假人" rules={[{ required: true, message: '请选择请假人' }]}>
          <Select<number>
            showSearch
            optionFilterProp="label"
            options={refOptions(assignees)}
            placeholder="选择本信息部门工作人员"
            data-testid="leave-user"
          />
        </Form.Item>
        <Form.Item name="range" label="请假日期" rules={[{ required: true, message: '请选择请假起止日期' }]}>
          <DatePicker.RangePicker
            placeholder={['开始日期', '结束日期']}
            style={{ width: '100%' }}
            data-testid="leave-range"
          />
        </Form.Item>
        <Form.Item name="note" label="事由" rules={[{ max: 100, message: '事由最多100个字' }]}>
          <Input maxLength={100} placeholder="如：年休假、出差、培训" data-testid="leave-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
