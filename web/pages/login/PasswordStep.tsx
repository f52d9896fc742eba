import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import type { Me } from '../../../shared/schemas/auth.ts';
import { ApiError, api, type DataResponse } from '../../api/client.ts';
import { setMe } from '../../api/session.ts';

type LoginAnswer = DataResponse<{ status: 'totp_required' } | { status: 'ok'; me: Me }>;

interface Values {
  login: string;
  password: string;
}

interface Props {
  /** Shown on arrival, e.g. why the TOTP step sent the user back. */
  notice: string | null;
  onTotpRequired: () => void;
}

export function PasswordStep({ notice, onTotpRequired }: Props) {
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(notice);
  const [submitting, setSubmitting] = useState(false);

  const submit = async (values: Values) => {
    setSubmitting(true);
    setError(null);
    try {
      const answer = await api.post<LoginAnswer>('/auth/login', {
        login: values.login.trim(),
        password: values.password,
      });
      if (answer.data.status === 'ok') setMe(answer.data.me);
      else onTotpRequired();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '登录失败，请稍后再试');
      form.setFieldValue('password', '');
      setSubmitting(false);
    }
  };

  return (
    <Form
      name="login"
      form={form}
      layout="vertical"
      size="large"
      requiredMark={false}
      onFinish={submit}
      autoComplete="on"
    >
      {error && (
        <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="login-error" />
      )}
      <Form.Item
        name="login"
        label="登录名"
        rules={[{ required: true, whitespace: true, message: '请输入登录名' }]}
      >
        <Input
          prefix={<UserOutlined />}
          placeholder="请输入登录名"
          autoComplete="username"
          autoCapitalize="off"
          spellCheck={false}
          maxLength={64}
          data-testid="login-input"
        />
      </Form.Item>
      <Form.Item name="password" label="密码" rules={[{ required: true, message: '请输入密码' }]}>
        <Input.Password
          prefix={<LockOutlined />}
          placeholder="请输入密码"
          autoComplete="current-password"
          maxLength={256}
          data-testid="password-input"
        />
      </Form.Item>
      <Form.Item>
        <Button type="primary" htmlType="submit" block loading={submitting} data-testid="login-submit">
          登录
        </Button>
      </Form.Item>
    </Form>
  );
}
