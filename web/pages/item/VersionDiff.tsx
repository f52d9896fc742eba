import { Select, Space, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { ItemDetail } from '../../../shared/schemas/items.ts';
import { useNotifyError } from '../../components/use-notify.ts';
import { DiffView } from './DiffView.tsx';
import { type ItemDiff, itemApi } from './item-api.ts';

interface Props {
  item: ItemDetail;
}

/** Compare any two versions; by default the latest against the one before it. */
export function VersionDiff({ item }: Props) {
  const notifyError = useNotifyError();
  const nos = item.versions.map((v) => v.no).sort((a, b) => a - b);
  const latest = nos[nos.length - 1] ?? 1;
  const previous = nos[nos.length - 2] ?? latest;
  const [range, setRange] = useState({ from: previous, to: latest });
  const [diff, setDiff] = useState<ItemDiff | null>(null);
  const [loading, setLoading] = useState(false);

  // A new version arrived (after a save): compare it with the one before.
  useEffect(() => setRange({ from: previous, to: latest }), [previous, latest]);

  useEffect(() => {
    if (range.from === range.to) {
      setDiff(null);
      return;
    }
    const controller = new AbortController();
    setLoading(true);
    itemApi
      .diff(item.id, range.from, range.to, controller.signal)
      .then((answer) => {
        setDiff(answer.data);
        setLoading(false);
      })
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        setLoading(false);
        notifyError(error);
      });
    return () => controller.abort();
  }, [item.id, range.from, range.to, notifyError]);

  const options = nos.map((no) => ({ value: no, label: `第${no}稿` }));
  return (
    <div>
      <Space wrap style={{ marginBottom: 12 }}>
        <Typography.Text>对比</Typography.Text>
        <Select
          value={range.from}
          options={options}
          onChange={(from) => setRange((r) => ({ ...r, from }))}
          style={{ width: 100 }}
          data-testid="diff-from"
        />
        <Typography.Text>与</Typography.Text>
        <Select
          value={range.to}
          options={options}
          onChange={(to) => setRange((r) => ({ ...r, to }))}
          style={{ width: 100 }}
          data-testid="diff-to"
        />
      </Space>
      {range.from === range.to ? (
        <Typography.Text type="secondary">请选择两个不同的稿次进行对比。</Typography.Text>
      ) : loading || diff === null ? (
        <Spin />
      ) : (
        <DiffView diffs={diff} />
      )}
    </div>
  );
}
