import { Alert, App, Button } from 'antd';
import { Navigate } from 'react-router';
import { loadMe, logout, useSession } from '../../api/session.ts';
import { AuthShell } from '../../components/AuthShell.tsx';
import { PasswordChangeForm } from '../../components/PasswordChangeForm.tsx';

/** Forced before anything else when the password is new or was reset. */
export function PasswordChangePage() {
  const session = useSession();
  const { message } = App.useApp();
  if (session.status !== 'ready') return <Navigate to="/login" replace />;
  const { me } = session;
  if (!me.requirements.passwordChange) return <Navigate to="/" replace />;

  return (
    <AuthShell heading="修改密码">
      <Alert
        type="warning"
        showIcon
        title="首次登录、密码被重置或密码已超过有效期，请先设置新密码后再使用系统。"
        style={{ marginBottom: 16 }}
      />
      <PasswordChangeForm
        login={me.login}
        submitLabel="确认修改"
        onChanged={async () => {
          message.success('密码已修改');
          await loadMe();
        }}
      />
      <div style={{ textAlign: 'center', marginBottom: 16 }}>
        <Button type="link" onClick={() => void logout()}>
          退出登录
        </Button>
      </div>
    </AuthShell>
  );
}
