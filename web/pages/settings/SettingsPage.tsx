import { App, Button, Form, InputNumber, Select, Skeleton, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { ROLE_KEYS, ROLES } from '../../../shared/roles.ts';
import type { Settings } from '../../../shared/schemas/settings.ts';
import { api, type RecordResponse } from '../../api/client.ts';
import { PageCard } from '../../components/PageCard.tsx';
import { useNotifyError } from '../../components/use-notify.ts';
import { ItemSettingsFields } from './ItemSettingsFields.tsx';
import { WorkCalendarFields } from './WorkCalendarFields.tsx';

/** Limits the server enforces (等保 requirements); checked here first so the user sees why. */
const range = (min: number, max: number, message: string) => [
  { required: true, message: '请填写' },
  { type: 'number' as const, min, max, message },
];

export function SettingsPage() {
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const [form] = Form.useForm<Settings>();
  const [loaded, setLoaded] = useState(false);
  const [canUpdate, setCanUpdate] = useState(false);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    const controller = new AbortController();
    api
      .get<RecordResponse<Settings, { update: boolean }>>('/settings', { signal: controller.signal })
      .then((answer) => {
        setCanUpdate(answer.abilities.update);
        setLoaded(true);
        form.setFieldsValue(answer.data);
      })
      .catch(notifyError);
    return () => controller.abort();
  }, [form, notifyError]);

  const save = async (values: Settings) => {
    setSaving(true);
    try {
      const answer = await api.put<RecordResponse<Settings>>('/settings', values);
      form.setFieldsValue(answer.data);
      message.success('设置已保存，将在数秒内对全部服务实例生效');
    } catch (error) {
      notifyError(error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <PageCard title="系统设置">
      {!loaded && <Skeleton active />}
      <Form
        name="settings"
        form={form}
        layout="vertical"
        onFinish={save}
        disabled={!canUpdate}
        style={{ maxWidth: 560, display: loaded ? undefined : 'none' }}
      >
        <Typography.Title level={5}>账号安全</Typography.Title>
        <Form.Item
          name="totpRequiredRoles"
          label="须启用动态验证码的角色"
          extra="持有所选角色的用户登录后须先绑定动态验证码（双因素认证）"
        >
          <Select
            mode="multiple"
            allowClear
            placeholder="选择角色"
            options={ROLE_KEYS.map((role) => ({ value: role, label: ROLES[role].label }))}
            data-testid="settings-totp-roles"
          />
        </Form.Item>
        <Form.Item
          name="lockoutThreshold"
          label="连续登录失败锁定次数"
          rules={range(3, 10, '锁定次数应在3～10次之间')}
        >
          <InputNumber min={1} precision={0} suffix="次" style={{ width: 200 }} />
        </Form.Item>
        <Form.Item
          name="lockoutMinutes"
          label="锁定时长"
          rules={range(5, 1440, '锁定时长应在5～1440分钟之间')}
        >
          <InputNumber min={1} precision={0} suffix="分钟" style={{ width: 200 }} />
        </Form.Item>
        <Form.Item
          name="passwordMaxAgeDays"
          label="密码有效期"
          rules={range(0, 365, '密码有效期应在0～365天之间')}
          extra="密码使用超过该天数后，用户须先修改密码；填0表示不限"
        >
          <InputNumber
            min={0}
            precision={0}
            suffix="天"
            style={{ width: 200 }}
            data-testid="settings-password-age"
          />
        </Form.Item>
        <Typography.Title level={5}>会话</Typography.Title>
        <Form.Item
          name="sessionIdleMinutes"
          label="空闲超时"
          rules={range(5, 30, '会话空闲超时应在5～30分钟之间（不得超过30分钟）')}
          extra="无操作超过该时长后须重新登录"
        >
          <InputNumber
            min={1}
            precision={0}
            suffix="分钟"
            style={{ width: 200 }}
            data-testid="settings-idle"
          />
        </Form.Item>
        <Form.Item
          name="sessionAbsoluteHours"
          label="最长有效期"
          rules={range(1, 12, '会话最长有效期应在1～12小时之间（不得超过12小时）')}
          extra="自登录起超过该时长，无论是否活动均须重新登录"
        >
          <InputNumber min={1} precision={0} suffix="小时" style={{ width: 200 }} />
        </Form.Item>
        <Typography.Title level={5}>审计</Typography.Title>
        <Form.Item
          name="auditRetentionDays"
          label="审计日志保存期限"
          rules={range(180, 3650, '审计日志保存期限不得少于180天（最多3650天）')}
        >
          <InputNumber
            min={1}
            precision={0}
            suffix="天"
            style={{ width: 200 }}
            data-testid="settings-retention"
          />
        </Form.Item>
        <ItemSettingsFields />
        <WorkCalendarFields />
        {canUpdate && (
          <Form.Item>
            <Button type="primary" htmlType="submit" loading={saving} data-testid="settings-submit">
              保存设置
            </Button>
          </Form.Item>
        )}
      </Form>
    </PageCard>
  );
}
