import { FilePdfOutlined, FileWordOutlined, PrinterOutlined, ReloadOutlined } from '@ant-design/icons';
import { Button, Grid, Typography } from 'antd';
import { useRef, useState } from 'react';
import { type IssueDetail, issueApi } from './issue-api.ts';
import type { Refresh } from './stale.ts';
import { useIssueDownload } from './use-download.ts';

/**
 * What the printed page depends on: the issue's own version and file revision, and the text of
 * each item (an item's 修改拟用稿 elsewhere changes its version, not the issue's).
 */
export function previewKey(issue: IssueDetail): string {
  return [
    issue.version,
    issue.contentVersion,
    issue.revision,
    issue.items.map((i) => i.version).join('.'),
  ].join('-');
}

/** 版面预览: the page as it will print (same layout as the Word file), and the downloads. */
export function IssuePreview({ issue, onRefresh }: { issue: IssueDetail; onRefresh?: Refresh }) {
  const wide = Grid.useBreakpoint().md ?? false;
  const frame = useRef<HTMLIFrameElement>(null);
  const { download, busy } = useIssueDownload(issue.id, issue.label);
  // 刷新预览 renders the page again even when nothing known to the page has changed.
  const [nonce, setNonce] = useState(0);
  const [refreshing, setRefreshing] = useState(false);
  const issued = issue.status === 'issued';
  const refreshPreview = async () => {
    setRefreshing(true);
    await onRefresh?.();
    setNonce((n) => n + 1);
    setRefreshing(false);
  };
  return (
    <div data-testid="issue-preview">
      <div
        style={{
          display: 'flex',
          flexDirection: wide ? 'row' : 'column',
          gap: 8,
          marginBottom: 12,
          alignItems: wide ? 'center' : 'stretch',
        }}
      >
        <Button
          type="primary"
          icon={<FileWordOutlined />}
          loading={busy === 'docx-0'}
          onClick={() => void download('docx')}
          block={!wide}
          data-testid="issue-download-docx"
        >
          {issued ? '下载Word' : '下载Word（送审稿）'}
        </Button>
        <Button
          icon={<FilePdfOutlined />}
          loading={busy === 'pdf-0'}
          onClick={() => void download('pdf')}
          block={!wide}
          data-testid="issue-download-pdf"
        >
          {issued ? '下载PDF' : '下载PDF（送审稿）'}
        </Button>
        <Button
          icon={<ReloadOutlined />}
          loading={refreshing}
          onClick={() => void refreshPreview()}
          block={!wide}
          data-testid="issue-preview-refresh"
        >
          刷新预览
        </Button>
        {wide && (
          <Button icon={<PrinterOutlined />} onClick={() => frame.current?.contentWindow?.print()}>
            打印
          </Button>
        )}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {issued
            ? `签发稿已固定${issue.revision > 1 ? `，现行为第${issue.revision}版（含勘误）` : ''}。`
            : '预览为当前保存的编排，签发时编号并生成正式文件。'}
        </Typography.Text>
      </div>
      <div style={{ background: '#e8e8e8', padding: wide ? 16 : 4, borderRadius: 6 }}>
        <iframe
          ref={frame}
          // A new version of the issue or of one of its items reloads the page image.
          key={`${previewKey(issue)}-${nonce}`}
          src={issueApi.previewUrl(issue.id)}
          title="版面预览"
          data-testid="issue-preview-frame"
          style={{
            display: 'block',
            width: '100%',
            maxWidth: 860,
            height: wide ? '80vh' : '70vh',
            margin: '0 auto',
            border: '1px solid #d9d9d9',
            background: '#fff',
          }}
        />
      </div>
    </div>
  );
}
