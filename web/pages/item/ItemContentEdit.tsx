import { Alert, App, Button, Form, Space } from 'antd';
import { useState } from 'react';
import type { ItemContent, ItemDetail } from '../../../shared/schemas/items.ts';
import { ApiError } from '../../api/client.ts';
import { formatDateTime } from '../../components/format.ts';
import { useNotifyError } from '../../components/use-notify.ts';
import { PasteLineInput, PasteTextArea } from '../item-editor/PasteInput.tsx';
import { ItemContentView } from './ItemContentView.tsx';
import { DONE_TEXTS } from './item-action-texts.ts';
import { type ItemRecord, itemApi } from './item-api.ts';
import { CONTENT_LABELS, type ContentField, sectionsOf } from './item-labels.ts';
import { StalePanel } from './StalePanel.tsx';
import { useItemLock } from './use-item-lock.ts';

/** The actions that save the text as a new version: 编辑加工, and 修改拟用稿 once selected. */
export type ContentAction = 'edit' | 'revise';

interface Props {
  item: ItemDetail;
  /** `edit` (default) while the office works the item, `revise` once it is selected (拟用). */
  action?: ContentAction;
  onSaved: (record: ItemRecord) => void;
  /** The latest copy was loaded after a refused save: the rest of the page shows it. */
  onLatest: (record: ItemRecord) => void;
  onClose: () => void;
}

const contentOf = (item: ItemContent): ItemContent => ({
  title: item.title,
  situation: item.situation,
  analysis: item.analysis,
  suggestion: item.suggestion,
  body: item.body,
});

/** The office editor's 编辑加工: the text in a form, under the soft lock, saved as a new version. */
export function ItemContentEdit({ item, action = 'edit', onSaved, onLatest, onClose }: Props) {
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const { status, override } = useItemLock(item.id, true);
  const [form] = Form.useForm<ItemContent>();
  const [initial] = useState(() => contentOf(item));
  const [baseVersion, setBaseVersion] = useState(item.version);
  const [stale, setStale] = useState<{ message: string; latest: ItemDetail | null } | null>(null);
  const [busy, setBusy] = useState(false);
  const fields: ContentField[] = ['title', ...sectionsOf(item.stream)];
  const mine = (): ItemContent => ({ ...initial, ...form.getFieldsValue() });

  const save = async (version = baseVersion) => {
    await form.validateFields();
    setBusy(true);
    try {
      const answer = await itemApi.transition(item.id, { action, version, content: mine() });
      message.success(DONE_TEXTS[action] ?? '修改已保存为新版本');
      onSaved(answer);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'ITEM_STALE')
        setStale({ message: error.message, latest: null });
      else notifyError(error);
    } finally {
      setBusy(false);
    }
  };

  const loadLatest = async () => {
    setBusy(true);
    try {
      const answer = await itemApi.get(item.id);
      setStale((s) => s && { ...s, latest: answer.data });
      onLatest(answer);
    } catch (error) {
      notifyError(error);
    } finally {
      setBusy(false);
    }
  };

  if (status.kind === 'held' && !status.overridden)
    return (
      <div>
        <Alert
          type="warning"
          showIcon
          data-testid="item-lock-held"
          style={{ marginBottom: 12 }}
          title={`正在由${status.name}编辑`}
          description={`${status.name}打开了编辑（锁定至${formatDateTime(status.expiresAt)}）。同时修改时，后保存的一方将收到提示，不会覆盖对方的修改。`}
          action={
            <Space orientation="vertical">
              <Button size="small" type="primary" onClick={override} data-testid="item-edit-anyway">
                仍要编辑
              </Button>
              <Button size="small" onClick={onClose}>
                返回
              </Button>
            </Space>
          }
        />
        <ItemContentView content={item} stream={item.stream} />
      </div>
    );

  return (
    <div data-testid="item-edit-form">
      {status.kind === 'held' && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={`${status.name}也在编辑此信息，请注意协调。`}
        />
      )}
      {stale && (
        <StalePanel
          message={stale.message}
          latest={stale.latest}
          mine={mine()}
          fields={fields}
          loading={busy}
          onLoadLatest={() => void loadLatest()}
          onKeepMine={() => {
            if (!stale.latest) return;
            const version = stale.latest.version;
            setBaseVersion(version);
            setStale(null);
            void save(version);
          }}
          onTakeLatest={() => {
            if (!stale.latest) return;
            form.setFieldsValue(contentOf(stale.latest));
            setBaseVersion(stale.latest.version);
            setStale(null);
          }}
        />
      )}
      <Form form={form} layout="vertical" initialValues={initial}>
        {fields.map((field) => (
          <Form.Item
            key={field}
            name={field}
            label={CONTENT_LABELS[field]}
            rules={
              field === 'analysis'
                ? []
                : [{ required: true, whitespace: true, message: `请填写${CONTENT_LABELS[field]}` }]
            }
          >
            {field === 'title' ? (
              <PasteLineInput maxLength={80} data-testid="item-edit-title" />
            ) : (
              <PasteTextArea
                autoSize={{ minRows: 4, maxRows: 24 }}
                maxLength={field === 'body' ? 40000 : 20000}
                data-testid={`item-edit-${field}`}
              />
            )}
          </Form.Item>
        ))}
      </Form>
      <Space wrap>
        <Button type="primary" loading={busy} onClick={() => void save()} data-testid="item-edit-save">
          保存编辑
        </Button>
        <Button onClick={onClose} data-testid="item-edit-cancel">
          取消
        </Button>
      </Space>
    </div>
  );
}
