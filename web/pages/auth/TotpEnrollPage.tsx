import { Alert, App, Button } from 'antd';
import { useRef } from 'react';
import { Navigate, useNavigate } from 'react-router';
import { loadMe, logout, useSession } from '../../api/session.ts';
import { AuthShell } from '../../components/AuthShell.tsx';
import { TotpEnrollForm } from '../../components/TotpEnrollForm.tsx';

/** Second-factor enrolment: forced by policy for privileged roles, or chosen from 个人设置. */
export function TotpEnrollPage() {
  const session = useSession();
  const navigate = useNavigate();
  const { message } = App.useApp();
  // Where to go once bound: the workbench when the policy forced this step, else back to 个人设置.
  const forcedAtEntry = useRef<boolean | null>(null);
  if (session.status !== 'ready') return <Navigate to="/login" replace />;
  const { me } = session;
  if (me.requirements.passwordChange) return <Navigate to="/password" replace />;
  const forced = me.requirements.totpEnroll;
  forcedAtEntry.current ??= forced;
  if (!forced && me.totpEnabled) return <Navigate to={forcedAtEntry.current ? '/' : '/profile'} replace />;

  return (
    <AuthShell heading="绑定动态验证码">
      {forced && (
        <Alert
          type="warning"
          showIcon
          title="按安全策略，您的账号须先绑定动态验证码（双因素认证）后方可使用系统。"
          style={{ marginBottom: 16 }}
        />
      )}
      <TotpEnrollForm
        onEnabled={async () => {
          message.success('动态验证码已绑定，今后登录时须输入验证码');
          await loadMe();
        }}
      />
      <div style={{ textAlign: 'center', marginBottom: 16 }}>
        {forced ? (
          <Button type="link" onClick={() => void logout()}>
            退出登录
          </Button>
        ) : (
          <Button type="link" onClick={() => navigate('/profile')}>
            返回个人设置
          </Button>
        )}
      </div>
    </AuthShell>
  );
}
