import { Alert, Form, Input, InputNumber, Modal, Select, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { DEFAULT_DEADLINE_DAYS, MAX_DEADLINE_DAYS } from '../../../shared/referrals.ts';
import { ApiError } from '../../api/client.ts';
import { type Department, referralApi } from './referrals-api.ts';

interface Values {
  orgIds: number[];
  deadlineDays: number;
  note: string;
}

interface Props {
  open: boolean;
  itemId: number;
  /** The department the item was referred to (转办), offered first. */
  suggestedOrgId: number | null;
  onClose: () => void;
  onSaved: () => void;
}

/** 交办: one referral per chosen department, the same time limit in working days and the same note. */
export function ReferralCreateModal({ open, itemId, suggestedOrgId, onClose, onSaved }: Props) {
  const [form] = Form.useForm<Values>();
  const [departments, setDepartments] = useState<Department[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!open) return;
    setError(null);
    form.resetFields();
    form.setFieldsValue({
      orgIds: suggestedOrgId === null ? [] : [suggestedOrgId],
      deadlineDays: DEFAULT_DEADLINE_DAYS,
      note: '',
    });
    referralApi.departments(itemId).then(
      (answer) => setDepartments(answer.data),
      (failure: unknown) => setError(failure instanceof ApiError ? failure.message : '承办单位加载失败'),
    );
  }, [open, itemId, suggestedOrgId, form]);

  const save = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      await referralApi.create(itemId, {
        orgIds: v.orgIds,
        deadlineDays: v.deadlineDays,
        note: v.note.trim(),
      });
      onClose();
      onSaved();
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : '交办失败，请稍后再试');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title="交办"
      okText="交办"
      cancelText="取消"
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      forceRender
    >
      <div data-testid="referral-create-dialog">
        <Typography.Paragraph type="secondary">
          每个承办单位各交办一件。办复期限按工作日计算（扣除周末和系统设置中的法定节假日，计入调休上班日）。
        </Typography.Paragraph>
        {error && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={error} />}
        <Form name="referral-create" form={form} layout="vertical" onFinish={(v) => void save(v)}>
          <Form.Item name="orgIds" label="承办单位" rules={[{ required: true, message: '请选择交办单位' }]}>
            <Select
              mode="multiple"
              loading={departments === null}
              optionFilterProp="label"
              placeholder="选择本级政协机关部门、专门委员会、外部单位或下一级政协"
              options={(departments ?? []).map((d) => ({
                value: d.id,
                label: d.online ? d.name : `${d.name}（未开通账号，由信息处代为登记）`,
              }))}
              data-testid="referral-orgs"
            />
          </Form.Item>
          <Form.Item
            name="deadlineDays"
            label="办理时限"
            rules={[{ required: true, message: '请填写办理时限' }]}
            extra={`默认${DEFAULT_DEADLINE_DAYS}个工作日，最多${MAX_DEADLINE_DAYS}个工作日，自今天起计算`}
          >
            <InputNumber
              min={1}
              max={MAX_DEADLINE_DAYS}
              precision={0}
              suffix="个工作日"
              style={{ width: 200 }}
              data-testid="referral-days"
            />
          </Form.Item>
          <Form.Item name="note" label="交办意见（选填）">
            <Input.TextArea rows={3} maxLength={500} showCount data-testid="referral-note" />
          </Form.Item>
        </Form>
      </div>
    </Modal>
  );
}
