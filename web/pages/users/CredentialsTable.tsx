import { DownloadOutlined } from '@ant-design/icons';
import { Button, Table, Typography } from 'antd';
import { downloadCsv } from '../../components/csv.ts';
import type { Credential } from '../../components/TemporaryPasswordModal.tsx';

function today(): string {
  const now = new Date();
  return `${now.getFullYear()}${String(now.getMonth() + 1).padStart(2, '0')}${String(now.getDate()).padStart(2, '0')}`;
}

/** Temporary passwords of newly imported users; shown once, downloadable as CSV. */
export function CredentialsTable({ credentials }: { credentials: Credential[] }) {
  const download = () =>
    downloadCsv(
      `临时密码清单-${today()}.csv`,
      ['登录名', '姓名', '临时密码'],
      credentials.map((item) => [item.login, item.realName, item.temporaryPassword]),
      [0, 2],
    );

  return (
    <>
      <div
        style={{
          display: 'flex',
          justifyContent: 'space-between',
          flexWrap: 'wrap',
          gap: 8,
          marginBottom: 8,
        }}
      >
        <Typography.Text strong>新建用户的临时密码（共 {credentials.length} 人）</Typography.Text>
        <Button icon={<DownloadOutlined />} onClick={download} data-testid="credentials-download">
          下载临时密码清单（CSV）
        </Button>
      </div>
      <Table<Credential>
        rowKey="login"
        size="small"
        dataSource={credentials}
        pagination={credentials.length > 10 ? { pageSize: 10 } : false}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: '登录名', dataIndex: 'login' },
          { title: '姓名', dataIndex: 'realName' },
          {
            title: '临时密码',
            dataIndex: 'temporaryPassword',
            render: (password: string) => (
              <Typography.Text code copyable={{ text: password }}>
                {password}
              </Typography.Text>
            ),
          },
        ]}
      />
    </>
  );
}
