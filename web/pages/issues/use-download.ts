import { App } from 'antd';
import { useCallback, useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { issueApi } from './issue-api.ts';
import { downloadFile } from './issue-format.ts';

/**
 * Downloads of an issue's Word or PDF file (optionally a given revision). A refusal is shown as
 * the server words it, e.g. PDF conversion not installed (503 DOCUMENT_UNAVAILABLE).
 */
export function useIssueDownload(issueId: number, label: string) {
  const { message, modal } = App.useApp();
  const [busy, setBusy] = useState<string | null>(null);

  const download = useCallback(
    async (kind: 'docx' | 'pdf', revision?: number) => {
      const key = `${kind}-${revision ?? 0}`;
      setBusy(key);
      try {
        await downloadFile(issueApi.fileUrl(issueId, kind, revision), `${label}.${kind}`);
      } catch (error) {
        if (error instanceof ApiError && error.code === 'DOCUMENT_UNAVAILABLE')
          modal.warning({ title: '暂不能生成PDF', content: error.message, okText: '知道了' });
        else message.error(error instanceof ApiError ? error.message : '文件下载失败，请稍后再试');
      } finally {
        setBusy(null);
      }
    },
    [issueId, label, message, modal],
  );

  return { download, busy };
}
