import { Button, Modal, Spin, Typography } from 'antd';
import { useState } from 'react';
import { ITEM_VERSION_KINDS, type ItemDetail } from '../../../shared/schemas/items.ts';
import { formatDateTime } from '../../components/format.ts';
import { useNotifyError } from '../../components/use-notify.ts';
import { ItemContentView } from './ItemContentView.tsx';
import { itemApi, type VersionDetail } from './item-api.ts';
import { VersionDiff } from './VersionDiff.tsx';

/** Every saved version of the text, each readable in full, and a comparison of any two. */
export function ItemVersions({ item }: { item: ItemDetail }) {
  const notifyError = useNotifyError();
  const [viewing, setViewing] = useState<number | null>(null);
  const [detail, setDetail] = useState<VersionDetail | null>(null);
  const versions = [...item.versions].sort((a, b) => b.no - a.no);

  const open = (no: number) => {
    setViewing(no);
    setDetail(null);
    itemApi.version(item.id, no).then(
      (answer) => setDetail(answer.data),
      (error: unknown) => {
        setViewing(null);
        notifyError(error);
      },
    );
  };

  return (
    <div data-testid="item-versions">
      {versions.length === 0 && (
        <Typography.Text type="secondary">报送后保存原稿，此后每次修改形成新版本。</Typography.Text>
      )}
      {versions.map((v) => (
        <div
          key={v.no}
          data-testid={`version-row-${v.no}`}
          style={{
            display: 'flex',
            flexWrap: 'wrap',
            alignItems: 'center',
            gap: 8,
            padding: '6px 0',
            borderBottom: '1px solid rgba(5,5,5,0.06)',
          }}
        >
          <Typography.Text strong>第{v.no}稿</Typography.Text>
          <Typography.Text>{ITEM_VERSION_KINDS[v.kind]}</Typography.Text>
          <Typography.Text type="secondary" style={{ flex: 1, minWidth: 160 }}>
            {v.editorName} · {v.charCount}字 · {formatDateTime(v.createdAt)}
          </Typography.Text>
          <Button size="small" onClick={() => open(v.no)} data-testid={`version-view-${v.no}`}>
            查看
          </Button>
        </div>
      ))}
      {versions.length >= 2 && (
        <div style={{ marginTop: 16 }}>
          <VersionDiff item={item} />
        </div>
      )}
      <Modal
        open={viewing !== null}
        title={viewing === null ? '' : `第${viewing}稿全文`}
        footer={null}
        onCancel={() => setViewing(null)}
        width={760}
        destroyOnHidden
      >
        {detail ? <ItemContentView content={detail.content} stream={item.stream} /> : <Spin />}
      </Modal>
    </div>
  );
}
