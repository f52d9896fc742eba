import { FilePdfOutlined, FileWordOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Grid, Typography } from 'antd';
import { useRef } from 'react';
import { type IssueDetail, issueApi } from './issue-api.ts';
import { useIssueDownload } from './use-download.ts';

/** 版面预览: the page as it will print (same layout as the Word file), and the downloads. */
export function IssuePreview({ issue }: { issue: IssueDetail }) {
  const wide = Grid.useBreakpoint().md ?? false;
  const frame = useRef<HTMLIFrameElement>(null);
  const { download, busy } = useIssueDownload(issue.id, issue.label);
  const issued = issue.status === 'issued';
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
          // A new version of the issue reloads the page image.
          key={`${issue.version}-${issue.revision}`}
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
