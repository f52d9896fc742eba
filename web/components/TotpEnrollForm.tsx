import { Alert, App, Button, Form, Input, Skeleton, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, api, type DataResponse } from '../api/client.ts';

interface Setup {
  secret: string;
  uri: string;
  qrSvg: string;
}

interface Props {
  onEnabled: () => void | Promise<void>;
}

/** Starts a TOTP enrolment (new secret + QR code) and confirms it with a first code. */
export function TotpEnrollForm({ onEnabled }: Props) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ code: string }>();
  const [setup, setSetup] = useState<Setup | null>(null);
  const [setupError, setSetupError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const started = useRef(false);

  const start = useCallback(async () => {
    setSetup(null);
    setSetupError(null);
    try {
      const answer = await api.post<DataResponse<Setup>>('/me/totp/setup', {});
      setSetup(answer.data);
    } catch (e) {
      setSetupError(e instanceof ApiError ? e.message : '生成绑定密钥失败，请稍后再试');
    }
  }, []);

  useEffect(() => {
    // One secret per visit: a second setup call would replace the secret being shown.
    if (started.current) return;
    started.current = true;
    void start();
  }, [start]);

  const submit = async ({ code }: { code: string }) => {
    setSubmitting(true);
    try {
      await api.post('/me/totp/enable', { code: code.trim() });
      await onEnabled();
    } catch (e) {
      const text = e instanceof ApiError ? e.message : '绑定失败，请稍后再试';
      form.setFields([{ name: 'code', value: '', errors: [text] }]);
      if (!(e instanceof ApiError) || e.code !== 'TOTP_INVALID') message.error(text);
    } finally {
      setSubmitting(false);
    }
  };

  if (setupError) {
    return (
      <Alert
        type="error"
        showIcon
        title={setupError}
        action={
          <Button size="small" onClick={() => void start()}>
            重试
          </Button>
        }
      />
    );
  }
  if (!setup) return <Skeleton active />;

  return (
    <div>
      <Typography.Paragraph>
        1. 在手机上安装支持 TOTP 的身份验证器应用（如 Microsoft Authenticator、Google Authenticator 等）。
      </Typography.Paragraph>
      <Typography.Paragraph>2. 用应用扫描下方二维码；无法扫码时，可手动输入密钥。</Typography.Paragraph>
      <div style={{ textAlign: 'center', marginBottom: 12 }}>
        <img
          src={`data:image/svg+xml;utf8,${encodeURIComponent(setup.qrSvg)}`}
          alt="动态验证码绑定二维码"
          width={180}
          height={180}
          data-testid="totp-qr"
        />
        <div>
          <Typography.Text type="secondary">密钥：</Typography.Text>
          <Typography.Text code copyable={{ text: setup.secret }} data-testid="totp-secret">
            {setup.secret}
          </Typography.Text>
        </div>
      </div>
      <Typography.Paragraph>3. 输入应用中显示的6位验证码，完成绑定。</Typography.Paragraph>
      <Form name="totp-enroll" form={form} layout="vertical" requiredMark={false} onFinish={submit}>
        <Form.Item
          name="code"
          label="动态验证码"
          rules={[{ required: true, pattern: /^\s*\d{6}\s*$/, message: '请输入6位数字验证码' }]}
        >
          <Input
            placeholder="6位数字"
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            data-testid="totp-input"
          />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={submitting} data-testid="totp-submit">
            确认绑定
          </Button>
          <Button type="link" onClick={() => void start()}>
            重新生成
          </Button>
        </Form.Item>
      </Form>
    </div>
  );
}
