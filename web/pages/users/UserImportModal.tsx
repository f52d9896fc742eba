import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Modal, Space, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import type { ImportRowError } from '../../../shared/schemas/users.ts';
import { ApiError, api, type DataResponse } from '../../api/client.ts';
import type { Credential } from '../../components/TemporaryPasswordModal.tsx';
import { useNotifyError } from '../../components/use-notify.ts';
import { CredentialsTable } from './CredentialsTable.tsx';

interface ImportOutcome {
  created: number;
  updated: number;
  credentials: Credential[];
}

interface Props {
  open: boolean;
  onClose: () => void;
  onImported: () => void;
}

function rowErrorsOf(error: ApiError): ImportRowError[] {
  const details = error.details as { errors?: unknown } | undefined;
  return Array.isArray(details?.errors) ? (details.errors as ImportRowError[]) : [];
}

/** Bulk import from the .xlsx template: all rows or none. */
export function UserImportModal({ open, onClose, onImported }: Props) {
  const notifyError = useNotifyError();
  const [file, setFile] = useState<File | null>(null);
  const [uploading, setUploading] = useState(false);
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);
  const [failure, setFailure] = useState<{ message: string; errors: ImportRowError[] } | null>(null);

  const close = () => {
    setFile(null);
    setOutcome(null);
    setFailure(null);
    onClose();
  };

  const start = async () => {
    if (!file) return;
    const formData = new FormData();
    formData.append('file', file);
    setUploading(true);
    setFailure(null);
    try {
      const answer = await api.upload<DataResponse<ImportOutcome>>('/users/import', formData);
      setOutcome(answer.data);
      setFile(null);
      onImported();
    } catch (error) {
      if (error instanceof ApiError && error.code === 'IMPORT_FAILED') {
        setFailure({ message: error.message, errors: rowErrorsOf(error) });
      } else {
        notifyError(error);
      }
    } finally {
      setUploading(false);
    }
  };

  return (
    <Modal
      title="批量导入用户"
      open={open}
      onCancel={close}
      mask={{ closable: false }}
      width={720}
      footer={
        outcome ? (
          <Button type="primary" onClick={close}>
            我已保存临时密码，关闭
          </Button>
        ) : (
          <Space>
            <Button onClick={close}>取消</Button>
            <Button
              type="primary"
              disabled={!file}
              loading={uploading}
              onClick={start}
              data-testid="import-submit"
            >
              开始导入
            </Button>
          </Space>
        )
      }
    >
      {outcome ? (
        <>
          <Alert
            type="success"
            showIcon
            title={`导入完成：新建 ${outcome.created} 人，更新 ${outcome.updated} 人。`}
            description="临时密码仅显示这一次，请下载或记录后通过安全渠道告知本人；用户首次登录时须修改密码。"
            style={{ marginBottom: 16 }}
          />
          {outcome.credentials.length > 0 && <CredentialsTable credentials={outcome.credentials} />}
        </>
      ) : (
        <>
          <Typography.Paragraph>
            1. 下载导入模板，按模板格式填写用户信息（一行一人）。
            <br />
            <Button icon={<DownloadOutlined />} href="/api/users/import-template" style={{ marginTop: 8 }}>
              下载导入模板
            </Button>
          </Typography.Paragraph>
          <Typography.Paragraph>
            2. 选择填好的 .xlsx 文件并开始导入。任一行有错误时，全部不导入。
          </Typography.Paragraph>
          <Upload
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            maxCount={1}
            fileList={file ? [{ uid: 'import', name: file.name, status: 'done' }] : []}
            beforeUpload={(chosen) => {
              setFile(chosen);
              setFailure(null);
              return false;
            }}
            onRemove={() => setFile(null)}
          >
            <Button icon={<UploadOutlined />} data-testid="import-file">
              选择文件
            </Button>
          </Upload>
          {failure && (
            <div style={{ marginTop: 16 }} data-testid="import-errors">
              <Alert
                type="error"
                showIcon
                title={failure.message}
                description="请按下表逐项修改后重新导入。"
              />
              <Table<ImportRowError>
                rowKey={(row) => `${row.row}-${row.column}-${row.reason}`}
                size="small"
                style={{ marginTop: 8 }}
                dataSource={failure.errors}
                pagination={failure.errors.length > 10 ? { pageSize: 10 } : false}
                scroll={{ x: 'max-content' }}
                columns={[
                  { title: '行', dataIndex: 'row', width: 90, render: (row: number) => `第${row}行` },
                  { title: '列', dataIndex: 'column', width: 120 },
                  { title: '原因', dataIndex: 'reason' },
                ]}
              />
            </div>
          )}
        </>
      )}
    </Modal>
  );
}
