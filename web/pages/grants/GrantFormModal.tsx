import { App, Button, Form, Modal, Select, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { PERMISSIONS, ROLE_KEYS, ROLES, SCOPE_KEYS, SCOPES } from '../../../shared/roles.ts';
import type { OrgView } from '../../../shared/schemas/orgs.ts';
import { api } from '../../api/client.ts';
import { OrgTreeSelect } from '../../components/OrgTreeSelect.tsx';
import { UserSearchSelect } from '../../components/UserSearchSelect.tsx';
import { useNotifyError } from '../../components/use-notify.ts';
import type { GrantFormValues } from './grant-types.ts';

interface Props {
  open: boolean;
  orgs: readonly OrgView[];
  onClose: () => void;
  onGranted: () => void;
}

const inactive = (org: OrgView) => !org.active;

/** Grant one role to one user for one organisation with a data scope. */
export function GrantFormModal({ open, orgs, onClose, onGranted }: Props) {
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const [form] = Form.useForm<GrantFormValues>();
  const [saving, setSaving] = useState(false);
  const role = Form.useWatch('role', form);

  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);

  const submit = async (values: GrantFormValues) => {
    setSaving(true);
    try {
      await api.post('/grants', values);
      message.success(`已授予“${ROLES[values.role].label}”角色`);
      onGranted();
    } catch (error) {
      // 三员分立 and other refusals come with the server's own explanation.
      notifyError(error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      title="授予角色"
      open={open}
      onCancel={onClose}
      forceRender
      footer={
        <Space>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" loading={saving} onClick={() => form.submit()} data-testid="grant-submit">
            授予
          </Button>
        </Space>
      }
    >
      <Form name="grant" form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="userId" label="用户" rules={[{ required: true, message: '请选择用户' }]}>
          <UserSearchSelect style={{ width: '100%' }} data-testid="grant-user" />
        </Form.Item>
        <Form.Item
          name="role"
          label="角色"
          rules={[{ required: true, message: '请选择角色' }]}
          extra={
            role && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                包含权限：{ROLES[role].permissions.map((permission) => PERMISSIONS[permission]).join('、')}
                {ROLES[role].admin && '。系统管理员、安全管理员、审计管理员三员分立，同一人不得兼任。'}
              </Typography.Text>
            )
          }
        >
          <Select
            options={ROLE_KEYS.map((key) => ({ value: key, label: ROLES[key].label }))}
            onChange={(next: GrantFormValues['role']) =>
              form.setFieldValue('scope', ROLES[next].defaultScope)
            }
            data-testid="grant-role"
          />
        </Form.Item>
        <Form.Item name="orgId" label="组织" rules={[{ required: true, message: '请选择组织' }]}>
          <OrgTreeSelect
            orgs={orgs}
            isDisabled={inactive}
            style={{ width: '100%' }}
            data-testid="grant-org"
          />
        </Form.Item>
        <Form.Item
          name="scope"
          label="数据范围"
          rules={[{ required: true, message: '请选择数据范围' }]}
          extra="选择角色后自动带出该角色的默认数据范围，可按需调整"
        >
          <Select
            options={SCOPE_KEYS.map((key) => ({ value: key, label: SCOPES[key] }))}
            data-testid="grant-scope"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
