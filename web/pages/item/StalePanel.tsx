import { Alert, Button, Space, Typography } from 'antd';
import type { ItemContent, ItemDetail } from '../../../shared/schemas/items.ts';
import { diffText } from '../../../shared/text-diff.ts';
import { DiffView } from './DiffView.tsx';
import type { ContentField } from './item-labels.ts';

interface Props {
  message: string;
  latest: ItemDetail | null;
  mine: ItemContent;
  fields: readonly ContentField[];
  loading: boolean;
  onLoadLatest: () => void;
  onKeepMine: () => void;
  onTakeLatest: () => void;
}

function latestLabel(latest: ItemDetail): string {
  const last = [...latest.versions].sort((a, b) => a.no - b.no).at(-1);
  return last ? `（第${last.no}稿，${last.editorName}保存）` : '';
}

/**
 * Someone saved a newer version while this editor was working. Their text stays in the form;
 * once the latest version is loaded the difference is shown so they decide with nothing lost.
 */
export function StalePanel({
  message,
  latest,
  mine,
  fields,
  loading,
  onLoadLatest,
  onKeepMine,
  onTakeLatest,
}: Props) {
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 12 }}
      data-testid="item-stale"
      title={message}
      description={
        latest === null ? (
          <div>
            <Typography.Paragraph style={{ margin: '4px 0 8px' }}>
              您的修改仍保留在下方编辑框中，没有丢失。
            </Typography.Paragraph>
            <Button type="primary" loading={loading} onClick={onLoadLatest} data-testid="item-load-latest">
              载入最新版本
            </Button>
          </div>
        ) : (
          <div>
            <Typography.Paragraph style={{ margin: '4px 0 8px' }}>
              最新版本{latestLabel(latest)}与您的修改相比：
              删除线为最新版本中有而您的稿中没有的文字，下划线为您新写的文字。
            </Typography.Paragraph>
            <div
              style={{ background: '#fff', padding: 12, borderRadius: 4, maxHeight: 360, overflow: 'auto' }}
            >
              <DiffView
                testId="stale-diff"
                diffs={fields.map((field) => ({ field, ops: diffText(latest[field], mine[field]) }))}
              />
            </div>
            <Space wrap style={{ marginTop: 12 }}>
              <Button type="primary" onClick={onKeepMine} data-testid="item-keep-mine">
                以我的修改为准，在最新版本上保存
              </Button>
              <Button onClick={onTakeLatest} data-testid="item-take-latest">
                放弃我的修改，改用最新版本
              </Button>
            </Space>
          </div>
        )
      }
    />
  );
}
