import { useState } from 'react';
import { Link, Navigate, useSearchParams } from 'react-router';
import { useSession } from '../../api/session.ts';
import { AuthShell } from '../../components/AuthShell.tsx';
import { PasswordStep } from './PasswordStep.tsx';
import { TotpStep } from './TotpStep.tsx';

/** Only same-site paths are followed after login (no open redirect). */
function safeNext(next: string | null): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/login')) return '/';
  return next;
}

export function LoginPage() {
  const session = useSession();
  const [params] = useSearchParams();
  const [step, setStep] = useState<'password' | 'totp'>('password');
  const [notice, setNotice] = useState<string | null>(() =>
    session.status === 'anonymous' && session.expired ? '登录已超时或已被强制下线，请重新登录' : null,
  );

  // A successful login stores the user; the guards then send a pending security step first.
  if (session.status === 'ready') return <Navigate to={safeNext(params.get('next'))} replace />;

  return (
    <AuthShell heading={step === 'password' ? '用户登录' : '动态验证码'}>
      {step === 'password' ? (
        <PasswordStep notice={notice} onTotpRequired={() => setStep('totp')} />
      ) : (
        <TotpStep
          onRestart={(message) => {
            setNotice(message ?? null);
            setStep('password');
          }}
        />
      )}
      <div style={{ textAlign: 'right', margin: '-4px 0 12px', fontSize: 13 }}>
        <Link to="/portal" data-testid="portal-link">
          信息报送排行
        </Link>
      </div>
    </AuthShell>
  );
}
