import { App, Button, Card, Form, Input, Modal, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { Me } from '../../../shared/schemas/auth.ts';
import { api } from '../../api/client.ts';
import { loadMe } from '../../api/session.ts';
import { TotpEnrollForm } from '../../components/TotpEnrollForm.tsx';
import { useNotifyError } from '../../components/use-notify.ts';

interface DisableValues {
  password: string;
  code: string;
}

/** Second factor: bind (in a dialog) or turn off with password + current code. */
export function TotpCard({ me }: { me: Me }) {
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const [enrolling, setEnrolling] = useState(false);
  const [disabling, setDisabling] = useState(false);
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<DisableValues>();

  const disable = async (values: DisableValues) => {
    setSaving(true);
    try {
      await api.post('/me/totp/disable', { password: values.password, code: values.code.trim() });
      setDisabling(false);
      form.resetFields();
      message.success('动态验证码已停用');
      await loadMe();
    } catch (error) {
      notifyError(error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card title="动态验证码（双因素认证）">
      <Space orientation="vertical" style={{ width: '100%' }}>
        <div>状态：{me.totpEnabled ? <Tag color="green">已启用</Tag> : <Tag>未启用</Tag>}</div>
        <Typography.Text type="secondary">
          启用后，登录时除密码外还须输入手机身份验证器应用中的6位动态验证码。
        </Typography.Text>
        {me.totpEnabled ? (
          <Button danger onClick={() => setDisabling(true)} data-testid="totp-disable">
            停用动态验证码
          </Button>
        ) : (
          <Button type="primary" onClick={() => setEnrolling(true)} data-testid="totp-enroll">
            绑定动态验证码
          </Button>
        )}
      </Space>
      <Modal
        title="绑定动态验证码"
        open={enrolling}
        onCancel={() => setEnrolling(false)}
        footer={null}
        destroyOnHidden
      >
        <TotpEnrollForm
          onEnabled={async () => {
            setEnrolling(false);
            message.success('动态验证码已绑定，今后登录时须输入验证码');
            await loadMe();
          }}
        />
      </Modal>
      <Modal
        title="停用动态验证码"
        open={disabling}
        onCancel={() => setDisabling(false)}
        onOk={() => form.submit()}
        okText="停用"
        okButtonProps={{ danger: true }}
        confirmLoading={saving}
        forceRender
      >
        <Typography.Paragraph type="secondary">
          为确认是您本人操作，请输入登录密码和当前的动态验证码。如您的角色按安全策略必须使用动态验证码，停用将被拒绝。
        </Typography.Paragraph>
        <Form name="totp-disable" form={form} layout="vertical" onFinish={disable}>
          <Form.Item name="password" label="登录密码" rules={[{ required: true, message: '请输入登录密码' }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Form.Item
            name="code"
            label="动态验证码"
            rules={[{ required: true, pattern: /^\s*\d{6}\s*$/, message: '请输入6位数字验证码' }]}
          >
            <Input inputMode="numeric" autoComplete="one-time-code" maxLength={6} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
