import { Alert, DatePicker, Form, Input, Modal, Select, Typography } from 'antd';
import { useEffect, useState } from 'react';
import {
  IMPLEMENTATION_STATUS_KEYS,
  IMPLEMENTATION_STATUSES,
  type ImplementationStatus,
} from '../../../shared/feedback.ts';
import { ApiError } from '../../api/client.ts';
import type { FeedbackView } from '../item/feedback-api.ts';
import {
  type Department,
  referralApi,
  type SupervisionView,
  supervisionApi,
} from '../referrals/referrals-api.ts';
import { type Dayjs, dayjs } from '../workbench/dayjs-zh.ts';
import type { SupervisionStep } from './SupervisionCard.tsx';

/** Runs a save with the dialog's busy flag and error line. */
function useSave(onClose: () => void, onDone: () => void) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (save: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await save();
      onClose();
      onDone();
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : '提交失败，请稍后再试');
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, setError, run };
}

interface CreateValues {
  feedbackId: number;
  orgIds: number[];
  dueOn: Dayjs;
  note: string;
}

/** 立项督办 on one of the item's instructions (批示). */
export function SupervisionCreateModal({
  open,
  itemId,
  instructions,
  onClose,
  onDone,
}: {
  open: boolean;
  itemId: number;
  instructions: FeedbackView[];
  onClose: () => void;
  onDone: () => void;
}) {
  const [form] = Form.useForm<CreateValues>();
  const [departments, setDepartments] = useState<Department[]>([]);
  const { busy, error, setError, run } = useSave(onClose, onDone);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue({ feedbackId: instructions[0]?.id, orgIds: [], note: '' });
    setError(null);
    referralApi.departments(itemId).then(
      (a) => setDepartments(a.data),
      () => setDepartments([]),
    );
  }, [open, itemId, instructions, form, setError]);

  return (
    <Modal
      open={open}
      title="立项督办"
      okText="立项"
      cancelText="取消"
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      forceRender
    >
      <div data-testid="supervision-create-dialog">
        {error && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={error} />}
        <Form
          name="supervision-create"
          form={form}
          layout="vertical"
          onFinish={(v) =>
            void run(() =>
              supervisionApi.create(itemId, {
                feedbackId: v.feedbackId,
                orgIds: v.orgIds ?? [],
                dueOn: v.dueOn.format('YYYY-MM-DD'),
                note: v.note?.trim() ?? '',
              }),
            )
          }
        >
          <Form.Item
            name="feedbackId"
            label="督办的批示"
            rules={[{ required: true, message: '请选择督办的批示' }]}
          >
            <Select options={instructions.map((f) => ({ value: f.id, label: f.summary }))} />
          </Form.Item>
          <Form.Item
            name="orgIds"
            label="责任单位（可多选）"
            extra="到期前2个工作日和逾期时，系统提醒信息处和责任单位"
          >
            <Select
              mode="multiple"
              optionFilterProp="label"
              options={departments.map((d) => ({ value: d.id, label: d.name }))}
              data-testid="supervision-orgs"
            />
          </Form.Item>
          <Form.Item name="dueOn" label="督办期限" rules={[{ required: true, message: '请选择督办期限' }]}>
            <DatePicker
              style={{ width: '100%' }}
              format="YYYY年M月D日"
              inputReadOnly
              disabledDate={(d) => d.isBefore(dayjs().startOf('day'))}
              data-testid="supervision-due"
            />
          </Form.Item>
          <Form.Item name="note" label="督办要求（选填）">
            <Input.TextArea rows={3} maxLength={500} showCount />
          </Form.Item>
        </Form>
      </div>
    </Modal>
  );
}

interface StepValues {
  note?: string;
  result?: string;
  closedOn?: Dayjs;
  implementation?: ImplementationStatus | 'none';
}

/** 催办 (a reminder to the departments) or 办结 (with the result, optionally as 落实情况 feedback). */
export function SupervisionStepModal({
  supervision: s,
  step,
  onClose,
  onDone,
}: {
  supervision: SupervisionView | null;
  step: SupervisionStep | null;
  onClose: () => void;
  onDone: () => void;
}) {
  const [form] = Form.useForm<StepValues>();
  const { busy, error, setError, run } = useSave(onClose, onDone);
  const open = s !== null && step !== null;
  // What was last opened: still shown while the dialog fades out.
  const [shown, setShown] = useState<{ s: SupervisionView; step: SupervisionStep } | null>(null);

  // Reset when a step is opened, not when a background reload hands over a fresh copy of it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: keyed on the follow-up's id and the step on purpose
  useEffect(() => {
    if (!s || !step) return;
    setShown({ s, step });
    form.resetFields();
    form.setFieldsValue({ closedOn: dayjs(), implementation: 'none', note: '' });
    setError(null);
  }, [s?.id, step, form, setError]);

  const current = shown?.step ?? step;
  const submit = (v: StepValues) => {
    if (!s) return;
    void run(() =>
      step === 'remind'
        ? supervisionApi.remind(s.id, v.note?.trim() ?? '')
        : supervisionApi.close(s.id, {
            result: v.result?.trim() ?? '',
            closedOn: v.closedOn?.format('YYYY-MM-DD') ?? '',
            implementation: v.implementation === 'none' || !v.implementation ? null : v.implementation,
          }),
    );
  };

  return (
    <Modal
      open={open}
      title={current === 'remind' ? '催办' : '督办办结'}
      okText={current === 'remind' ? '发送催办' : '办结'}
      cancelText="取消"
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      forceRender
    >
      <div data-testid="supervision-step-dialog">
        {s && (
          <Typography.Paragraph type="secondary">
            {s.instruction.summary} · 《{s.item.title}》
          </Typography.Paragraph>
        )}
        {error && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={error} />}
        <Form name="supervision-step" form={form} layout="vertical" onFinish={submit}>
          {current === 'remind' ? (
            <Form.Item name="note" label="催办意见（选填）" extra="责任单位的承办单位联络员将收到提醒">
              <Input.TextArea rows={3} maxLength={200} showCount />
            </Form.Item>
          ) : (
            <>
              <Form.Item
                name="result"
                label="落实情况"
                rules={[{ required: true, whitespace: true, message: '请填写落实情况' }]}
              >
                <Input.TextArea rows={5} maxLength={2000} showCount data-testid="supervision-result-input" />
              </Form.Item>
              <Form.Item
                name="closedOn"
                label="办结日期"
                rules={[{ required: true, message: '请选择办结日期' }]}
              >
                <DatePicker
                  style={{ width: '100%' }}
                  format="YYYY年M月D日"
                  inputReadOnly
                  disabledDate={(d) => d.isAfter(dayjs().endOf('day'))}
                />
              </Form.Item>
              <Form.Item
                name="implementation"
                label="同时登记为落实情况反馈"
                extra="登记后作者可在“采用与批示”中看到，并收到消息提醒"
              >
                <Select
                  options={[
                    { value: 'none', label: '不登记' },
                    ...IMPLEMENTATION_STATUS_KEYS.map((k) => ({
                      value: k,
                      label: IMPLEMENTATION_STATUSES[k],
                    })),
                  ]}
                />
              </Form.Item>
            </>
          )}
        </Form>
      </div>
    </Modal>
  );
}
