import { Alert, Button, Card, Typography } from 'antd';
import { useNavigate } from 'react-router';
import type { ItemDetail } from '../../../shared/schemas/items.ts';
import { ITEM_STATES } from '../../../shared/workflow/items.ts';
import { formatDateTime } from '../../components/format.ts';
import { ItemContentView } from '../item/ItemContentView.tsx';
import { ItemStatusTag } from '../item/ItemStatusTag.tsx';
import { textOf } from '../item/item-labels.ts';
import type { DraftValues } from './draft-model.ts';

interface Props {
  item: ItemDetail;
  /** A browser copy that never reached the server, offered for copying. */
  unsent: { values: DraftValues; savedAt: number } | null;
}

/** Once submitted the author reads, and no longer changes, the text. */
export function ReadOnlyDraft({ item, unsent }: Props) {
  const navigate = useNavigate();
  return (
    <Card
      title="信息详情"
      extra={<ItemStatusTag status={item.status} testId="editor-status" />}
      styles={{ body: { padding: 16 } }}
      data-testid="item-editor-readonly"
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={`该信息处于“${ITEM_STATES[item.status]}”环节，不能再修改。`}
        description="如需补充或更正，请联系接收单位信息处；信息处退回修改后可再次编辑。"
        action={
          <Button size="small" type="primary" onClick={() => navigate(`/items/${item.id}`)}>
            查看办理进度
          </Button>
        }
      />
      {unsent && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={`本机还保存有一份未同步的修改（${formatDateTime(new Date(unsent.savedAt))}），可复制留用：`}
          description={
            <Typography.Paragraph copyable style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
              {[unsent.values.title, textOf(unsent.values, unsent.values.stream)].join('\n')}
            </Typography.Paragraph>
          }
        />
      )}
      <ItemContentView content={item} stream={item.stream} />
    </Card>
  );
}
