import { App } from 'antd';
import { useCallback } from 'react';
import { ApiError, isAbortError } from '../api/client.ts';

/** Shows an API failure's Chinese message (or a generic one); ignores cancelled requests. */
export function useNotifyError(): (error: unknown) => void {
  const { message } = App.useApp();
  return useCallback(
    (error: unknown) => {
      if (isAbortError(error)) return;
      message.error(error instanceof ApiError ? error.message : '操作失败，请稍后再试');
    },
    [message],
  );
}
