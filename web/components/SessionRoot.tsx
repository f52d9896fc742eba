import { useEffect } from 'react';
import { Outlet } from 'react-router';
import { loadMe, useSession } from '../api/session.ts';
import { CenteredNotice } from './CenteredNotice.tsx';
import { FullPageSpin } from './FullPageSpin.tsx';

/** Loads the signed-in user once, then renders the matched screen. */
export function SessionRoot() {
  const session = useSession();
  useEffect(() => {
    if (session.status === 'loading') void loadMe();
  }, [session.status]);

  if (session.status === 'loading') return <FullPageSpin />;
  if (session.status === 'error') {
    return (
      <CenteredNotice
        title="无法连接服务器"
        detail={session.message}
        actionLabel="重试"
        onAction={() => void loadMe()}
      />
    );
  }
  return <Outlet />;
}
