import { SafetyCertificateOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useState } from 'react';
import { api, type DataResponse } from '../../api/client.ts';
import { useNotifyError } from '../../components/use-notify.ts';

interface VerifyResult {
  ok: boolean;
  rows: number;
  brokenId?: number;
  reason?: string;
}

/** Recomputes the audit log's hash chain on the server and reports the outcome. */
export function AuditVerifyButton() {
  const { modal } = App.useApp();
  const notifyError = useNotifyError();
  const [running, setRunning] = useState(false);

  const verify = async () => {
    setRunning(true);
    try {
      const { data } = await api.get<DataResponse<VerifyResult>>('/audit/verify');
      if (data.ok) {
        modal.success({
          title: '审计日志完整',
          content: `已校验 ${data.rows} 条记录，哈希链完整，未发现篡改或删除。`,
          okText: '确定',
        });
      } else {
        modal.error({
          title: '发现完整性问题',
          content: `共校验 ${data.rows} 条记录，${data.brokenId === undefined ? '' : `第 ${data.brokenId} 号记录`}校验未通过${data.reason ? `：${data.reason}` : ''}。请立即报告安全管理员。`,
          okText: '确定',
        });
      }
    } catch (error) {
      notifyError(error);
    } finally {
      setRunning(false);
    }
  };

  return (
    <Button
      icon={<SafetyCertificateOutlined />}
      loading={running}
      onClick={verify}
      data-testid="audit-verify"
    >
      校验完整性
    </Button>
  );
}
