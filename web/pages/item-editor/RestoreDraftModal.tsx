import { Button, Modal, Typography } from 'antd';
import { formatDateTime } from '../../components/format.ts';
import { charsOf, type DraftValues } from './draft-model.ts';

interface Props {
  open: boolean;
  local: { values: DraftValues; savedAt: number } | null;
  /** What the server holds; null for a draft it has never seen. */
  server: DraftValues | null;
  onRestore: () => void;
  onDiscard: () => void;
}

/**
 * Opening a draft whose browser copy is newer than the server's (written offline, or the tab
 * closed before it synced): the author chooses, nothing is replaced behind their back.
 */
export function RestoreDraftModal({ open, local, server, onRestore, onDiscard }: Props) {
  if (!local) return null;
  const title = local.values.title.trim() || '（无标题）';
  return (
    <Modal
      open={open}
      title="发现本机保存的草稿"
      closable={false}
      mask={{ closable: false }}
      keyboard={false}
      footer={[
        <Button key="discard" onClick={onDiscard} data-testid="discard-local-draft">
          {server ? '使用服务器上的版本' : '放弃，重新撰写'}
        </Button>,
        <Button key="restore" type="primary" onClick={onRestore} data-testid="restore-local-draft">
          恢复本机草稿
        </Button>,
      ]}
    >
      <Typography.Paragraph>
        本机保存有一份{server ? '比服务器更新的' : '尚未保存到服务器的'}草稿（
        {formatDateTime(new Date(local.savedAt))}
        保存），可能是在网络断开或页面关闭前写下的内容。
      </Typography.Paragraph>
      <Typography.Paragraph>
        <Typography.Text strong>{title}</Typography.Text>
        <br />
        <Typography.Text type="secondary">
          本机草稿 {charsOf(local.values)} 字{server ? `；服务器版本 ${charsOf(server)} 字` : ''}
        </Typography.Text>
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
        选择“恢复本机草稿”后，内容将自动保存到服务器。
      </Typography.Paragraph>
    </Modal>
  );
}
