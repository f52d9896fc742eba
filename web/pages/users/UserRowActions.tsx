import { App, Button, Popconfirm, Space } from 'antd';
import { api, type DataResponse } from '../../api/client.ts';
import type { Credential } from '../../components/TemporaryPasswordModal.tsx';
import { useNotifyError } from '../../components/use-notify.ts';
import type { UserRow } from './user-types.ts';

interface Props {
  user: UserRow;
  onEdit: (user: UserRow) => void;
  onChanged: () => void;
  onTemporaryPassword: (credential: Credential) => void;
}

/** The actions the server's per-row abilities allow. */
export function UserRowActions({ user, onEdit, onChanged, onTemporaryPassword }: Props) {
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const { abilities } = user;

  const run = async (action: () => Promise<void>) => {
    try {
      await action();
    } catch (error) {
      notifyError(error);
    }
  };

  const setEnabled = () =>
    run(async () => {
      await api.post(`/users/${user.id}/enabled`, { enabled: !user.enabled });
      message.success(user.enabled ? '用户已停用' : '用户已启用');
      onChanged();
    });

  const resetPassword = () =>
    run(async () => {
      const answer = await api.post<DataResponse<{ temporaryPassword: string }>>(
        `/users/${user.id}/reset-password`,
      );
      onTemporaryPassword({
        login: user.login,
        realName: user.realName,
        temporaryPassword: answer.data.temporaryPassword,
      });
      onChanged();
    });

  const forceLogout = () =>
    run(async () => {
      await api.post(`/users/${user.id}/logout`);
      message.success(`已强制 ${user.realName} 的全部会话下线`);
    });

  return (
    <Space size={0} wrap>
      {abilities.update && (
        <Button type="link" size="small" onClick={() => onEdit(user)} data-testid="user-edit">
          编辑
        </Button>
      )}
      {abilities.enable && (
        <Popconfirm
          title={user.enabled ? `确定停用用户“${user.realName}”？` : `确定启用用户“${user.realName}”？`}
          description={user.enabled ? '停用后该用户不能登录，已有会话立即失效。' : undefined}
          onConfirm={setEnabled}
        >
          <Button type="link" size="small" danger={user.enabled} data-testid="user-toggle-enabled">
            {user.enabled ? '停用' : '启用'}
          </Button>
        </Popconfirm>
      )}
      {abilities.resetPassword && (
        <Popconfirm
          title={`确定重置“${user.realName}”的密码？`}
          description="原密码立即失效，用户须用临时密码登录并修改密码。"
          onConfirm={resetPassword}
        >
          <Button type="link" size="small" data-testid="user-reset-password">
            重置密码
          </Button>
        </Popconfirm>
      )}
      {abilities.forceLogout && (
        <Popconfirm
          title={`确定强制“${user.realName}”下线？`}
          description="该用户的全部登录会话将立即失效。"
          onConfirm={forceLogout}
        >
          <Button type="link" size="small" data-testid="user-force-logout">
            强制下线
          </Button>
        </Popconfirm>
      )}
    </Space>
  );
}
