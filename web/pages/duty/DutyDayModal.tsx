import { App, Button, Form, Input, Modal, Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../api/client.ts';
import { type Ref, refOptions } from '../../components/use-desk-data.ts';
import { useNotifyError } from '../../components/use-notify.ts';
import { dayjs } from '../workbench/dayjs-zh.ts';
import { DAY, type DutyView } from './duty-types.ts';

interface Props {
  /** The day being arranged (YYYY-MM-DD); null when closed. */
  date: string | null;
  desk: Ref | undefined;
  current: DutyView | undefined;
  assignees: readonly Ref[];
  onClose: () => void;
  onSaved: () => void;
}

interface Values {
  userId?: number;
  note: string;
}

const WEEKDAYS = '日一二三四五六';

/** Arrange (or clear) the duty officer of one day. */
export function DutyDayModal({ date, desk, current, assignees, onClose, onSaved }: Props) {
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState<'save' | 'clear' | null>(null);

  useEffect(() => {
    if (date === null) return;
    form.resetFields();
    form.setFieldsValue({ userId: current?.user.id, note: current?.note ?? '' });
  }, [date, current, form]);

  const put = async (userId: number | null, note: string, kind: 'save' | 'clear') => {
    if (!desk || !date) return;
    setSaving(kind);
    try {
      await api.put('/duty', { orgId: desk.id, date, userId, note: userId === null ? '' : note.trim() });
      message.success(userId === null ? '已取消当日值班安排' : '值班安排已保存');
      onSaved();
    } catch (error) {
      notifyError(error);
    } finally {
      setSaving(null);
    }
  };

  // The current officer stays selectable even if no longer among the desk's staff.
  const people =
    current && !assignees.some((a) => a.id === current.user.id) ? [current.user, ...assignees] : assignees;
  const day = date ? dayjs(date, DAY) : null;

  return (
    <Modal
      title={day ? `值班安排：${day.format('YYYY年M月D日')}（星期${WEEKDAYS[day.day()]}）` : '值班安排'}
      open={date !== null}
      onCancel={onClose}
      forceRender
      footer={
        <Space wrap>
          {current && (
            <Button
              danger
              loading={saving === 'clear'}
              onClick={() => put(null, '', 'clear')}
              data-testid="duty-clear"
            >
              取消值班
            </Button>
          )}
          <Button onClick={onClose}>关闭</Button>
          <Button
            type="primary"
            loading={saving === 'save'}
            onClick={() => form.submit()}
            data-testid="duty-submit"
          >
            保存
          </Button>
        </Space>
      }
    >
      <Form
        name="duty"
        form={form}
        layout="vertical"
        onFinish={(values) => put(values.userId ?? null, values.note ?? '', 'save')}
      >
        <Form.Item name="userId" label="值班人员" rules={[{ required: true, message: '请选择值班人员' }]}>
          <Select<number>
            showSearch
            optionFilterProp="label"
            options={refOptions(people)}
            placeholder="选择本信息部门工作人员"
            notFoundContent="本信息部门暂无可选人员"
            data-testid="duty-user"
          />
        </Form.Item>
        <Form.Item name="note" label="备注" rules={[{ max: 100, message: '备注最多100个字' }]}>
          <Input maxLength={100} placeholder="如：全国两会期间加强值守" data-testid="duty-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
