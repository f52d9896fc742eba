import { Alert, App, Button, Card, Form, Space } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { ItemDeclaration } from '../../../shared/items.ts';
import { ApiError } from '../../api/client.ts';
import { useNotifyError } from '../../components/use-notify.ts';
import { DeclarationsModal } from '../item/DeclarationsModal.tsx';
import { type Attachment, ItemAttachments } from '../item/ItemAttachments.tsx';
import { ItemStatusTag } from '../item/ItemStatusTag.tsx';
import { type ItemRecord, type ItemSettings, itemApi, type Topic } from '../item/item-api.ts';
import { charsOf, type DraftValues } from './draft-model.ts';
import { EditorFooter } from './EditorFooter.tsx';
import { ItemEditorForm } from './ItemEditorForm.tsx';
import { RestoreDraftModal } from './RestoreDraftModal.tsx';
import { OfflineBanner } from './SyncStatus.tsx';
import { useDraftSync } from './use-draft-sync.ts';

export interface EditorStart {
  record: ItemRecord | null;
  /** The form's first values: the server's draft, or an empty one. */
  values: DraftValues;
  /** A newer browser copy to offer. */
  offer: { values: DraftValues; savedAt: number } | null;
}

interface Props {
  userId: number;
  settings: ItemSettings;
  topics: readonly Topic[];
  forMember: boolean;
  start: EditorStart;
  onCreated: (id: number) => void;
  onDiscardOffer: () => void;
}

/** One writing session of one draft: the form, its two copies (browser, server) and submission. */
export function ItemEditor({ userId, settings, topics, forMember, start, onCreated, onDiscardOffer }: Props) {
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const navigate = useNavigate();
  const [form] = Form.useForm<DraftValues>();
  const [record, setRecord] = useState(start.record);
  const [attachments, setAttachments] = useState<Attachment[]>(start.record?.data.attachments ?? []);
  const [offerOpen, setOfferOpen] = useState(start.offer !== null);
  const [declaring, setDeclaring] = useState(false);
  const [busy, setBusy] = useState(false);
  const sync = useDraftSync({
    userId,
    initial: start.record,
    onCreated: (created) => {
      setRecord(created);
      onCreated(created.data.id);
    },
    onSaved: (saved) => setRecord(saved),
  });
  const returned = record?.data.status === 'returned';

  const restore = () => {
    if (!start.offer) return;
    form.setFieldsValue(start.offer.values);
    sync.change(start.offer.values);
    setOfferOpen(false);
    message.success('已恢复本机草稿，正在保存到服务器');
  };

  const saveNow = async () => {
    const ok = await sync.save();
    if (ok) message.success('草稿已保存');
    else message.warning('草稿已保存在本机，暂未保存到服务器');
  };

  const submit = async () => {
    try {
      await form.validateFields();
    } catch {
      message.error('请补全标注的内容后再报送');
      return;
    }
    const values = form.getFieldsValue(true) as DraftValues;
    if (charsOf(values) > settings.charMax) {
      message.error(`正文超过上限${settings.charMax}字，请精简后再报送`);
      return;
    }
    sync.change(values);
    setBusy(true);
    const saved = await sync.save();
    setBusy(false);
    if (!saved) {
      message.error(sync.isOffline() ? '网络已断开，恢复网络后再报送' : '草稿未能保存到服务器，暂不能报送');
      return;
    }
    setDeclaring(true);
  };

  const confirm = async (declarations: ItemDeclaration[]) => {
    const id = sync.state.itemId ?? record?.data.id;
    const version = sync.version();
    if (!id || version === null) return;
    setBusy(true);
    try {
      await itemApi.transition(id, { action: returned ? 'resubmit' : 'submit', version, declarations });
      sync.finish();
      message.success(returned ? '修改稿已重新报送' : '信息已报送，可在“我的信息”中查看办理进度');
      navigate(`/items/${id}`);
    } catch (error) {
      notifyError(error);
      if (error instanceof ApiError && error.code !== 'ITEM_DECLARATION_REQUIRED') setDeclaring(false);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div data-testid="item-editor">
      <OfflineBanner state={sync.state} />
      <Card
        title={record ? (returned ? '修改信息' : '编辑草稿') : '写信息'}
        extra={record && <ItemStatusTag status={record.data.status} testId="editor-status" />}
        styles={{ body: { padding: 16 } }}
      >
        {returned && record.data.lastReason && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            data-testid="editor-return-reason"
            title="信息处退回修改"
            description={`理由：${record.data.lastReason}`}
          />
        )}
        {sync.state.conflict && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            title="此草稿已在其他设备或由其他作者修改，与本页内容不同。"
            description={
              <Space wrap style={{ marginTop: 8 }}>
                <Button type="primary" size="small" onClick={sync.keepMine}>
                  保留本页内容
                </Button>
                <Button
                  size="small"
                  onClick={() => {
                    const values = sync.takeServer();
                    if (values) form.setFieldsValue(values);
                  }}
                >
                  改用服务器上的内容
                </Button>
              </Space>
            }
          />
        )}
        <ItemEditorForm
          form={form}
          initialValues={start.values}
          settings={settings}
          topics={topics}
          forMember={forMember}
          onChange={sync.change}
          onBlur={() => void sync.save()}
        />
        <Form.Item label="附件" layout="vertical" style={{ marginBottom: 0 }}>
          <ItemAttachments
            itemId={sync.state.itemId}
            attachments={attachments}
            editable
            settings={settings}
            onChange={setAttachments}
          />
        </Form.Item>
        <EditorFooter
          state={sync.state}
          resubmit={returned}
          busy={busy}
          onSave={() => void saveNow()}
          onSubmit={() => void submit()}
        />
      </Card>
      <RestoreDraftModal
        open={offerOpen}
        local={start.offer}
        server={start.record ? start.values : null}
        onRestore={restore}
        onDiscard={() => {
          setOfferOpen(false);
          onDiscardOffer();
        }}
      />
      <DeclarationsModal
        open={declaring}
        title={returned ? '修改后重新报送' : '报送信息'}
        submitting={busy}
        onCancel={() => setDeclaring(false)}
        onConfirm={(declarations) => void confirm(declarations)}
      />
    </div>
  );
}
