import { App, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { checkPassword } from '../../shared/password-policy.ts';
import { ApiError, api } from '../api/client.ts';
import { PasswordPolicyHint } from './PasswordPolicyHint.tsx';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

interface Props {
  login: string;
  submitLabel: string;
  onChanged: () => void | Promise<void>;
}

/** Current password, new password with live policy feedback, confirmation. */
export function PasswordChangeForm({ login, submitLabel, onChanged }: Props) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const newPassword: string = Form.useWatch('newPassword', form) ?? '';
  const [submitting, setSubmitting] = useState(false);

  const submit = async (values: Values) => {
    setSubmitting(true);
    try {
      await api.post('/auth/password', {
        currentPassword: values.currentPassword,
        newPassword: values.newPassword,
      });
      form.resetFields();
      await onChanged();
    } catch (e) {
      const text = e instanceof ApiError ? e.message : '修改密码失败，请稍后再试';
      if (e instanceof ApiError && e.code === 'PASSWORD_WRONG') {
        form.setFields([{ name: 'currentPassword', errors: [text] }]);
      } else if (e instanceof ApiError && e.code === 'PASSWORD_WEAK') {
        form.setFields([{ name: 'newPassword', errors: [text] }]);
      } else {
        message.error(text);
      }
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Form
      name="password-change"
      form={form}
      layout="vertical"
      requiredMark={false}
      onFinish={submit}
      style={{ maxWidth: 420 }}
    >
      <Form.Item
        name="currentPassword"
        label="当前密码"
        rules={[{ required: true, message: '请输入当前密码' }]}
      >
        <Input.Password autoComplete="current-password" maxLength={256} data-testid="current-password" />
      </Form.Item>
      <Form.Item
        name="newPassword"
        label="新密码"
        extra={<PasswordPolicyHint password={newPassword} problems={checkPassword(newPassword, login)} />}
        rules={[
          { required: true, message: '请输入新密码' },
          ({ getFieldValue }) => ({
            validator: (_, value: string | undefined) => {
              if (!value) return Promise.resolve();
              // The problems themselves are listed live just below.
              if (checkPassword(value, login).length > 0)
                return Promise.reject(new Error('新密码不符合以下安全要求'));
              if (value === getFieldValue('currentPassword'))
                return Promise.reject(new Error('新密码不能与当前密码相同'));
              return Promise.resolve();
            },
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" maxLength={256} data-testid="new-password" />
      </Form.Item>
      <Form.Item
        name="confirmPassword"
        label="确认新密码"
        dependencies={['newPassword']}
        rules={[
          { required: true, message: '请再次输入新密码' },
          ({ getFieldValue }) => ({
            validator: (_, value: string | undefined) =>
              !value || value === getFieldValue('newPassword')
                ? Promise.resolve()
                : Promise.reject(new Error('两次输入的新密码不一致')),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" maxLength={256} data-testid="confirm-password" />
      </Form.Item>
      <Form.Item>
        <Button type="primary" htmlType="submit" loading={submitting} data-testid="password-submit">
          {submitLabel}
        </Button>
      </Form.Item>
    </Form>
  );
}
