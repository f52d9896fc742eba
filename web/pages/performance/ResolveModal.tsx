import { App, Form, Input, InputNumber, Modal, Radio } from 'antd';
import { useEffect, useState } from 'react';
import type { DisputeView } from '../../../shared/schemas/performance.ts';
import { api } from '../../api/client.ts';
import { useNotifyError } from '../../components/use-notify.ts';

interface Values {
  decision: 'accepted' | 'rejected';
  reply: string;
  adjustment: number | null;
}

/** The office answers a dispute: accepted (with points added or taken, or none) or not, with a reply. */
export function ResolveModal({
  dispute,
  onClose,
  onDone,
}: {
  dispute: DisputeView | null;
  onClose: () => void;
  onDone: () => void;
}) {
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const decision = Form.useWatch('decision', form);

  useEffect(() => {
    if (dispute) form.setFieldsValue({ decision: 'accepted', reply: '', adjustment: 0 });
  }, [dispute, form]);

  const save = async () => {
    const v = await form.validateFields();
    if (!dispute) return;
    setSaving(true);
    try {
      await api.post(`/performance/disputes/${dispute.id}/resolve`, {
        decision: v.decision,
        reply: v.reply.trim(),
        adjustment: v.decision === 'accepted' ? (v.adjustment ?? 0) : 0,
      });
      message.success('申诉已处理，处理意见已告知委员');
      onDone();
    } catch (error) {
      notifyError(error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={dispute !== null}
      title={dispute ? `处理${dispute.member.name}的申诉` : '处理申诉'}
      onCancel={onClose}
      onOk={save}
      okText="确定"
      confirmLoading={saving}
      forceRender
    >
      {dispute && <p>申诉理由：{dispute.reason}</p>}
      <Form form={form} layout="vertical">
        <Form.Item name="decision" label="处理结果">
          <Radio.Group
            options={[
              { value: 'accepted', label: '采纳' },
              { value: 'rejected', label: '不予采纳' },
            ]}
          />
        </Form.Item>
        {decision === 'accepted' && (
          <Form.Item
            name="adjustment"
            label="调整分值"
            extra="记录本身已更正（如补登了采用情况）的填0；需另行加分的填正数，减分的填负数。"
          >
            <InputNumber
              min={-100}
              max={100}
              step={0.5}
              precision={2}
              suffix="分"
              data-testid="dispute-adjustment"
            />
          </Form.Item>
        )}
        <Form.Item
          name="reply"
          label="处理意见"
          rules={[
            { required: true, whitespace: true, message: '请填写处理意见' },
            { max: 500, message: '处理意见最多500字' },
          ]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount data-testid="dispute-reply-input" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
