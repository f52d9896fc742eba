import { SafetyOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import type { Me } from '../../../shared/schemas/auth.ts';
import { ApiError, api, type DataResponse } from '../../api/client.ts';
import { setMe } from '../../api/session.ts';

interface Values {
  code: string;
}

/** Second login step: the 6-digit code from the user's authenticator app. */
export function TotpStep({ onRestart }: { onRestart: (message?: string) => void }) {
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  const submit = async ({ code }: Values) => {
    setSubmitting(true);
    setError(null);
    try {
      const answer = await api.post<DataResponse<{ status: 'ok'; me: Me }>>('/auth/totp', {
        code: code.trim(),
      });
      setMe(answer.data.me);
    } catch (e) {
      if (e instanceof ApiError && e.code === 'UNAUTHENTICATED') {
        onRestart(e.message);
        return;
      }
      setError(e instanceof ApiError ? e.message : '验证失败，请稍后再试');
      form.setFieldValue('code', '');
      setSubmitting(false);
    }
  };

  return (
    <Form name="login-totp" form={form} layout="vertical" size="large" requiredMark={false} onFinish={submit}>
      <Typography.Paragraph type="secondary">
        您的账号已启用双因素认证，请打开手机上的身份验证器应用，输入显示的6位动态验证码。
      </Typography.Paragraph>
      {error && (
        <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="login-error" />
      )}
      <Form.Item
        name="code"
        label="动态验证码"
        rules={[{ required: true, pattern: /^\s*\d{6}\s*$/, message: '请输入6位数字验证码' }]}
      >
        <Input
          prefix={<SafetyOutlined />}
          placeholder="6位数字"
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          autoFocus
          data-testid="totp-input"
        />
      </Form.Item>
      <Form.Item>
        <Button type="primary" htmlType="submit" block loading={submitting} data-testid="totp-submit">
          验证并登录
        </Button>
      </Form.Item>
      <Form.Item style={{ textAlign: 'center' }}>
        <Button type="link" onClick={() => onRestart()}>
          返回重新输入登录名和密码
        </Button>
      </Form.Item>
    </Form>
  );
}
