import { Form, Modal, Select } from 'antd';
import { useEffect, useState } from 'react';
import { api, type DataResponse, toQuery } from '../../api/client.ts';
import { useNotifyError } from '../../components/use-notify.ts';
import type { NamedRef } from './item-api.ts';

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
  const notifyError = useNotifyError();
  const [staff, setStaff] = useState<NamedRef[] | null>(null);
  const [form] = Form.useForm<{ assigneeId: number }>();

  useEffect(() => {
    if (!open) return;
    form.setFieldsValue({ assigneeId: currentId ?? undefined });
    const controller = new AbortController();
    api
      .get<DataResponse<NamedRef[]>>(`/item-assignees${toQuery({ orgId })}`, { signal: controller.signal })
      .then((answer) => setStaff(answer.data))
      .catch((error: unknown) => {
        if (!controller.signal.aborted) notifyError(error);
      });
    return () => controller.abort();
  }, [open, orgId, currentId, form, notifyError]);

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
            loading={staff === null}
            placeholder="选择信息处工作人员"
            options={(staff ?? []).map((s) => ({ value: s.id, label: s.name }))}
            data-testid="item-assignee-select"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
