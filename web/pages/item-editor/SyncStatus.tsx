import {
  CheckCircleOutlined,
  CloudSyncOutlined,
  DisconnectOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import { Alert, Typography } from 'antd';
import { formatDateTime } from '../../components/format.ts';
import type { SyncState } from './use-draft-sync.ts';

/** The banner shown while the connection is down: the text is safe in the browser. */
export function OfflineBanner({ state }: { state: SyncState }) {
  if (state.localFailed)
    return (
      <Alert
        type="error"
        showIcon
        banner
        title="浏览器无法在本机保存草稿（可能处于无痕模式或存储空间已满），请勿关闭页面，并尽快恢复网络。"
      />
    );
  if (!state.offline) return null;
  return (
    <Alert
      type="warning"
      showIcon
      banner
      icon={<DisconnectOutlined />}
      data-testid="offline-banner"
      title="网络已断开，内容已保存在本机，恢复网络后将自动同步"
    />
  );
}

/** One line on where the text is: saving, saved on the server, or waiting in the browser. */
export function SyncLine({ state }: { state: SyncState }) {
  let icon = <CheckCircleOutlined style={{ color: '#389e0d' }} />;
  let text: string;
  if (state.offline) {
    icon = <DisconnectOutlined style={{ color: '#d46b08' }} />;
    text = '已保存在本机，等待网络恢复';
  } else if (state.phase === 'saving') {
    icon = <CloudSyncOutlined spin />;
    text = '正在保存…';
  } else if (state.phase === 'failed' && state.problem) {
    icon = <WarningOutlined style={{ color: '#cf1322' }} />;
    text = `已保存在本机；服务器未保存：${state.problem}`;
  } else if (state.phase === 'dirty') {
    icon = <CloudSyncOutlined />;
    text = '已保存在本机，稍后自动保存到服务器';
  } else if (state.savedAt !== null && state.itemId !== null) {
    text = `草稿已保存 ${formatDateTime(new Date(state.savedAt)).slice(11)}`;
  } else {
    text = '输入内容将自动保存';
  }
  return (
    <Typography.Text
      type="secondary"
      data-testid="sync-status"
      data-phase={state.offline ? 'offline' : state.phase}
      style={{ fontSize: 12 }}
    >
      {icon} {text}
    </Typography.Text>
  );
}
