import { FilePdfOutlined, FileWordOutlined } from '@ant-design/icons';
import { Button, Empty, Space, Table, type TableColumnsType, Typography } from 'antd';
import type { IssueDetail, IssueFile } from './issue-api.ts';
import { fileSize, listTime } from './issue-format.ts';
import { useIssueDownload } from './use-download.ts';

/** 文件: each revision of the issued document (签发稿, 勘误稿) with its SHA-256 digest. */
export function IssueFiles({ issue }: { issue: IssueDetail }) {
  const { download, busy } = useIssueDownload(issue.id, issue.label);
  if (issue.files.length === 0)
    return (
      <div data-testid="issue-files">
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description="签发后生成正式文件；签发前可在“版面预览”中下载送审稿。"
        />
      </div>
    );
  const columns: TableColumnsType<IssueFile> = [
    {
      title: '版本',
      dataIndex: 'revision',
      width: 112,
      render: (revision: number) => (
        <span>
          第{revision}版
          {revision === issue.revision && (
            <Typography.Text type="success" style={{ fontSize: 12 }}>
              （现行）
            </Typography.Text>
          )}
        </span>
      ),
    },
    { title: '说明', dataIndex: 'note', width: 180, render: (note: string) => note || '签发稿' },
    {
      title: 'SHA-256 校验值',
      dataIndex: 'sha256',
      render: (sha: string) => (
        <Typography.Text
          code
          copyable={{ text: sha, tooltips: ['复制校验值', '已复制'] }}
          style={{ fontFamily: 'monospace', fontSize: 12, wordBreak: 'break-all' }}
          data-testid="issue-file-sha"
        >
          {sha}
        </Typography.Text>
      ),
    },
    { title: '大小', dataIndex: 'size', width: 90, render: (size: number) => fileSize(size) },
    { title: '生成人', dataIndex: 'createdBy', width: 90, render: (_, f) => f.createdBy?.name ?? '系统' },
    { title: '生成时间', dataIndex: 'createdAt', width: 130, render: (at: string) => listTime(at) },
    {
      title: '下载',
      key: 'download',
      width: 170,
      render: (_, f) => (
        <Space size={4}>
          <Button
            size="small"
            icon={<FileWordOutlined />}
            loading={busy === `docx-${f.revision}`}
            onClick={() => void download('docx', f.revision)}
            data-testid="issue-file-docx"
          >
            Word
          </Button>
          <Button
            size="small"
            icon={<FilePdfOutlined />}
            loading={busy === `pdf-${f.revision}`}
            onClick={() => void download('pdf', f.revision)}
            data-testid="issue-file-pdf"
          >
            PDF
          </Button>
        </Space>
      ),
    },
  ];
  return (
    <div data-testid="issue-files">
      <Table<IssueFile>
        rowKey="revision"
        size="small"
        columns={columns}
        dataSource={[...issue.files].reverse()}
        pagination={false}
        scroll={{ x: 960 }}
      />
    </div>
  );
}
