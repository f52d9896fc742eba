import { isRouteErrorResponse, useRouteError } from 'react-router';
import { CenteredNotice } from './CenteredNotice.tsx';

/** Last-resort screen: a chunk that failed to load (e.g. after an upgrade) or a rendering fault. */
export function RouteError() {
  const error = useRouteError();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  return (
    <CenteredNotice
      title={notFound ? '页面不存在' : '页面加载失败'}
      detail={
        notFound ? '您访问的页面不存在。' : '系统可能已更新，请刷新页面后重试；如仍有问题请联系管理员。'
      }
      actionLabel={notFound ? '返回首页' : '刷新页面'}
      onAction={() => (notFound ? window.location.assign('/') : window.location.reload())}
    />
  );
}
