import { SaveOutlined, SendOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import { SyncLine } from './SyncStatus.tsx';
import type { SyncState } from './use-draft-sync.ts';

interface Props {
  state: SyncState;
  resubmit: boolean;
  busy: boolean;
  onSave: () => void;
  onSubmit: () => void;
}

/** Stays at the bottom of the screen on a phone: where the text is, save, submit. */
export function EditorFooter({ state, resubmit, busy, onSave, onSubmit }: Props) {
  return (
    <div
      style={{
        position: 'sticky',
        bottom: 0,
        zIndex: 10,
        background: '#fff',
        borderTop: '1px solid rgba(5,5,5,0.08)',
        margin: '16px -16px -16px',
        padding: '10px 16px',
        display: 'flex',
        flexWrap: 'wrap',
        alignItems: 'center',
        gap: 8,
      }}
    >
      <div style={{ flex: 1, minWidth: 160 }}>
        <SyncLine state={state} />
      </div>
      <Space>
        <Button icon={<SaveOutlined />} onClick={onSave} data-testid="item-save-draft">
          保存草稿
        </Button>
        <Button
          type="primary"
          icon={<SendOutlined />}
          loading={busy}
          onClick={onSubmit}
          data-testid="item-submit"
        >
          {resubmit ? '重新报送' : '报送'}
        </Button>
      </Space>
    </div>
  );
}
