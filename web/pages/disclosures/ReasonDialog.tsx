import { Alert, Form, Input, Modal, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { ApiError } from '../../api/client.ts';

interface Props {
  open: boolean;
  title: string;
  /** What happens, said before the reason is asked. */
  explanation: string;
  okText: string;
  testId: string;
  onClose: () => void;
  /** Carries out the step with the reason; a thrown ApiError is shown in the dialog. */
  onConfirm: (reason: string) => Promise<void>;
}

/** A withdrawal that needs a written reason (撤销公开、撤下公告); the record stays on file. */
export function ReasonDialog({ open, title, explanation, okText, testId, onClose, onConfirm }: Props) {
  const [form] = Form.useForm<{ reason: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    setError(null);
  }, [open, form]);

  const confirm = async (reason: string) => {
    setBusy(true);
    setError(null);
    try {
      await onConfirm(reason);
      onClose();
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : '操作失败，请稍后再试');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={title}
      okText={okText}
      cancelText="取消"
      okButtonProps={{ danger: true, ...{ 'data-testid': `${testId}-ok` } }}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      forceRender
    >
      <div data-testid={testId}>
        <Typography.Paragraph>{explanation}</Typography.Paragraph>
        {error && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={error} />}
        <Form form={form} layout="vertical" onFinish={(v) => void confirm(v.reason.trim())}>
          <Form.Item
            name="reason"
            label="理由"
            rules={[
              { required: true, whitespace: true, message: '请填写理由' },
              { max: 200, message: '理由最多200字' },
            ]}
          >
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={200} showCount />
          </Form.Item>
        </Form>
      </div>
    </Modal>
  );
}
