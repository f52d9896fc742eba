import { App, Button, Drawer, Form, Grid, Input, Space, Spin } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { OrgView } from '../../../shared/schemas/orgs.ts';
import { type UserInput, type UserView, userInput } from '../../../shared/schemas/users.ts';
import { ApiError, api, type DataResponse, type RecordResponse } from '../../api/client.ts';
import type { Credential } from '../../components/TemporaryPasswordModal.tsx';
import { useNotifyError } from '../../components/use-notify.ts';
import { zodRule } from '../../components/zod-rule.ts';
import { MemberProfileFields } from './MemberProfileFields.tsx';
import { MembershipsField } from './MembershipsField.tsx';
import { toFormValues, toUserBody, type UserFormValues } from './user-form.ts';

interface Props {
  /** `'new'` to create, a user id to edit, null when closed. */
  target: 'new' | number | null;
  orgs: readonly OrgView[];
  onClose: () => void;
  onCreated: (credential: Credential) => void;
  onSaved: () => void;
}

const fields = userInput.shape;

export function UserFormDrawer({ target, orgs, onClose, onCreated, onSaved }: Props) {
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const screens = Grid.useBreakpoint();
  const [form] = Form.useForm<UserFormValues>();
  const [editing, setEditing] = useState<UserView | null>(null);
  const [loading, setLoading] = useState(false);
  const [saving, setSaving] = useState(false);
  const closeRef = useRef(onClose);
  closeRef.current = onClose;
  // The title and fields keep their mode while the drawer animates closed.
  const lastTarget = useRef(target);
  if (target !== null) lastTarget.current = target;

  useEffect(() => {
    if (target === null) return;
    form.resetFields();
    setEditing(null);
    if (target === 'new') {
      form.setFieldsValue(toFormValues(null));
      return;
    }
    const controller = new AbortController();
    setLoading(true);
    api
      .get<RecordResponse<UserView>>(`/users/${target}`, { signal: controller.signal })
      .then((answer) => {
        setEditing(answer.data);
        form.setFieldsValue(toFormValues(answer.data));
        setLoading(false);
      })
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        setLoading(false);
        notifyError(error);
        closeRef.current();
      });
    return () => controller.abort();
  }, [target, form, notifyError]);

  const submit = async (values: UserFormValues) => {
    const body: Omit<UserInput, 'login'> = toUserBody(values);
    setSaving(true);
    try {
      if (target === 'new') {
        const login = values.login.trim();
        const answer = await api.post<DataResponse<{ user: UserView; temporaryPassword: string }>>('/users', {
          login,
          ...body,
        });
        message.success('用户已创建');
        const { user, temporaryPassword } = answer.data;
        onCreated({ login: user.login, realName: user.realName, temporaryPassword });
      } else if (editing) {
        await api.patch(`/users/${editing.id}`, { ...body, version: editing.version });
        message.success('用户信息已保存');
        onSaved();
      }
    } catch (error) {
      if (error instanceof ApiError && error.code === 'DUPLICATE')
        form.setFields([{ name: 'login', errors: [error.message] }]);
      notifyError(error);
    } finally {
      setSaving(false);
    }
  };

  const creating = lastTarget.current === 'new';
  return (
    <Drawer
      title={creating ? '新建用户' : `编辑用户${editing ? `：${editing.realName}` : ''}`}
      open={target !== null}
      onClose={onClose}
      size={screens.md ? 640 : '100%'}
      forceRender
      footer={
        <Space style={{ display: 'flex', justifyContent: 'flex-end' }}>
          <Button onClick={onClose}>取消</Button>
          <Button
            type="primary"
            loading={saving}
            disabled={loading}
            onClick={() => form.submit()}
            data-testid="user-submit"
          >
            保存
          </Button>
        </Space>
      }
    >
      <Spin spinning={loading}>
        <Form name="user" form={form} layout="vertical" onFinish={submit} scrollToFirstError>
          <Form.Item
            name="login"
            label="登录名"
            rules={creating ? [{ required: true, message: '请填写登录名' }, zodRule(fields.login)] : []}
            extra={creating ? '字母、数字、下划线、点或连字符，2～32位，创建后不可修改' : undefined}
          >
            <Input maxLength={32} disabled={!creating} autoComplete="off" data-testid="user-login" />
          </Form.Item>
          <Form.Item
            name="realName"
            label="姓名"
            rules={[{ required: true, whitespace: true, message: '请填写姓名' }, zodRule(fields.realName)]}
          >
            <Input maxLength={40} data-testid="user-realname" />
          </Form.Item>
          <Form.Item name="mobile" label="手机号码" rules={[zodRule(fields.mobile)]}>
            <Input maxLength={11} inputMode="tel" data-testid="user-mobile" />
          </Form.Item>
          <MembershipsField orgs={orgs} />
          <MemberProfileFields />
        </Form>
      </Spin>
    </Drawer>
  );
}
