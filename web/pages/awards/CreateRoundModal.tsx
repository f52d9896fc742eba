import { App, Form, Input, InputNumber, Modal, Select, Space } from 'antd';
import { useEffect, useRef, useState } from 'react';
import {
  AWARD_KIND_KEYS,
  AWARD_KINDS,
  DEFAULT_QUOTAS,
  defaultAwardRoundName,
} from '../../../shared/awards.ts';
import { api, type DataResponse } from '../../api/client.ts';
import { useNotifyError } from '../../components/use-notify.ts';

export interface RoundDefaults {
  name: string;
  from: string;
  to: string;
}

interface Values {
  orgId: number;
  name: string;
  from: string;
  to: string;
  unit: number;
  person: number;
  item: number;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A new round: the CPPCC, the period (default the two previous years), the name and the quotas. */
export function CreateRoundModal({
  open,
  orgs,
  defaults,
  onClose,
  onDone,
}: {
  open: boolean;
  orgs: { id: number; name: string }[];
  defaults: RoundDefaults;
  onClose: () => void;
  onDone: (id: number) => void;
}) {
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  /** The name last written from the period: replaced when the period changes, a typed one is kept. */
  const autoName = useRef(defaults.name);

  useEffect(() => {
    if (!open) return;
    form.setFieldsValue({ orgId: orgs[0]?.id, ...defaults, ...DEFAULT_QUOTAS });
    autoName.current = defaults.name;
  }, [open, orgs, defaults, form]);

  /** The name follows the period until the user writes their own. */
  const periodChanged = () => {
    const { from, to, name } = form.getFieldsValue();
    if (DAY.test(from) && DAY.test(to) && from <= to && (!name || name === autoName.current)) {
      autoName.current = defaultAwardRoundName(from, to);
      form.setFieldsValue({ name: autoName.current });
    }
  };

  const save = async () => {
    const v = await form.validateFields();
    setSaving(true);
    try {
      const answer = await api.post<DataResponse<{ id: number }>>('/awards', {
        orgId: v.orgId,
        name: v.name.trim(),
        from: v.from,
        to: v.to,
        quotas: { unit: v.unit, person: v.person, item: v.item },
      });
      message.success('已按期间内的计分生成候选名单');
      onDone(answer.data.id);
    } catch (error) {
      notifyError(error);
    } finally {
      setSaving(false);
    }
  };

  const day = [
    { required: true, message: '请填写日期' },
    { pattern: DAY, message: '日期格式为YYYY-MM-DD，如2026-12-31' },
  ];
  return (
    <Modal
      open={open}
      title="新建评选"
      onCancel={onClose}
      onOk={save}
      okText="生成候选名单"
      confirmLoading={saving}
      forceRender
    >
      <Form
        form={form}
        layout="vertical"
        onValuesChange={(changed) => ('from' in changed || 'to' in changed) && periodChanged()}
      >
        {orgs.length > 1 && (
          <Form.Item name="orgId" label="政协">
            <Select options={orgs.map((o) => ({ value: o.id, label: o.name }))} />
          </Form.Item>
        )}
        <Space wrap>
          <Form.Item name="from" label="起始日期" rules={day}>
            <Input placeholder="2025-01-01" style={{ width: 150 }} data-testid="award-from" />
          </Form.Item>
          <Form.Item
            name="to"
            label="截止日期"
            dependencies={['from']}
            rules={[
              ...day,
              ({ getFieldValue }) => ({
                validator: (_, to: string) =>
                  !to || !getFieldValue('from') || getFieldValue('from') <= to
                    ? Promise.resolve()
                    : Promise.reject(new Error('截止日期不能早于起始日期')),
              }),
            ]}
          >
            <Input placeholder="2026-12-31" style={{ width: 150 }} data-testid="award-to" />
          </Form.Item>
        </Space>
        <Form.Item
          name="name"
          label="名称"
          rules={[{ required: true, whitespace: true, message: '请填写名称' }, { max: 100 }]}
        >
          <Input maxLength={100} data-testid="award-name" />
        </Form.Item>
        <Space wrap>
          {AWARD_KIND_KEYS.map((k) => (
            <Form.Item
              key={k}
              name={k}
              label={`${AWARD_KINDS[k]}名额`}
              rules={[{ required: true, message: '请填写名额' }]}
            >
              <InputNumber min={0} max={500} precision={0} style={{ width: 110 }} />
            </Form.Item>
          ))}
        </Space>
      </Form>
    </Modal>
  );
}
