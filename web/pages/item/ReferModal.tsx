import { Alert, Form, Input, Modal } from 'antd';
import { useEffect, useMemo } from 'react';
import type { OrgView } from '../../../shared/schemas/orgs.ts';
import type { ListResponse } from '../../api/client.ts';
import { OrgTreeSelect } from '../../components/OrgTreeSelect.tsx';
import { useApiData } from '../../components/use-desk-data.ts';

interface Props {
  open: boolean;
  busy: boolean;
  onCancel: () => void;
  onConfirm: (referOrgId: number, reason: string) => void;
}

interface Values {
  referOrgId: number;
  reason: string;
}

/** The organisations to refer to, loaded when the dialog opens; `null` while loading. */
function useReferOrgs(open: boolean) {
  const { data, failed } = useApiData<ListResponse<OrgView, unknown>>(open ? '/orgs' : null, { quiet: true });
  const orgs = useMemo(
    () => (data ? data.data.filter((org) => org.active) : failed ? [] : null),
    [data, failed],
  );
  return { orgs, failed };
}

/** 转办: to a department (or as a proposal lead), with the reason the author will read. */
export function ReferModal({ open, busy, onCancel, onConfirm }: Props) {
  const [form] = Form.useForm<Values>();
  const { orgs, failed } = useReferOrgs(open);
  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);

  return (
    <Modal
      open={open}
      title="转办"
      okText="确认转办"
      cancelText="取消"
      confirmLoading={busy}
      onCancel={onCancel}
      onOk={() => form.submit()}
      okButtonProps={{ disabled: failed }}
      destroyOnHidden
      forceRender
    >
      {failed && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title="暂时无法读取可转办的单位名单，请稍后再试或联系系统管理员。"
        />
      )}
      <Form
        name="item-refer"
        form={form}
        layout="vertical"
        onFinish={(values) => onConfirm(values.referOrgId, values.reason.trim())}
      >
        <Form.Item name="referOrgId" label="转办单位" rules={[{ required: true, message: '请选择转办单位' }]}>
          <OrgTreeSelect
            orgs={orgs ?? []}
            loading={orgs === null}
            placeholder="选择承办部门或单位"
            data-testid="item-refer-org"
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label="转办理由"
          rules={[
            { required: true, whitespace: true, message: '请填写转办理由' },
            { max: 1000, message: '理由最多1000个字' },
          ]}
        >
          <Input.TextArea
            rows={4}
            maxLength={1000}
            showCount
            placeholder="请写明转办理由，作者将看到此理由"
            data-testid="item-refer-reason"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
