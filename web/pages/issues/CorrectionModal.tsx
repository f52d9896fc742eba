import { Alert, App, Form, Input, Modal, Select, Skeleton, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { ItemStream } from '../../../shared/items.ts';
import { correctionInput } from '../../../shared/schemas/issues.ts';
import type { ItemContent } from '../../../shared/schemas/items.ts';
import { useNotifyError } from '../../components/use-notify.ts';
import { itemApi } from '../item/item-api.ts';
import { CONTENT_LABELS, type ContentField, sectionsOf } from '../item/item-labels.ts';
import { type IssueDetail, type IssueRecord, issueApi } from './issue-api.ts';
import { StaleNotice } from './StaleNotice.tsx';
import { isOvertaken, isStale, type Refresh } from './stale.ts';

interface Props {
  open: boolean;
  issue: IssueDetail;
  onRefresh: Refresh;
  onClose: () => void;
  onDone: (record: IssueRecord) => void;
}

type Loaded = { itemId: number; stream: ItemStream; content: ItemContent };

/**
 * 勘误: an issued item's title or text corrected after signing, with a written explanation; the
 * server renders a new revision of the file and keeps the earlier ones.
 */
export function CorrectionModal({ open, issue, onRefresh, onClose, onDone }: Props) {
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const [form] = Form.useForm<ItemContent & { note: string }>();
  const [itemId, setItemId] = useState<number | null>(null);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  // Emptied when the dialog opens only: a refresh of the issue behind it keeps what was typed.
  const items = useRef(issue.items);
  items.current = issue.items;
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    setLoaded(null);
    setNotice(null);
    setItemId(items.current.length === 1 ? (items.current[0]?.id ?? null) : null);
  }, [open, form]);

  useEffect(() => {
    if (itemId === null) return;
    const controller = new AbortController();
    setLoaded(null);
    itemApi
      .get(itemId, controller.signal)
      .then(({ data }) => {
        const content: ItemContent = {
          title: data.title,
          situation: data.situation,
          analysis: data.analysis,
          suggestion: data.suggestion,
          body: data.body,
        };
        setLoaded({ itemId, stream: data.stream, content });
        form.setFieldsValue({ ...content, note: form.getFieldValue('note') ?? '' });
      })
      .catch((error: unknown) => {
        if (!controller.signal.aborted) notifyError(error);
      });
    return () => controller.abort();
  }, [itemId, form, notifyError]);

  const fields: ContentField[] = loaded ? ['title', ...sectionsOf(loaded.stream)] : [];

  const submit = async (values: ItemContent & { note: string }) => {
    if (!loaded) return;
    const parsed = correctionInput.safeParse({
      version: issue.version,
      itemId: loaded.itemId,
      content: { ...loaded.content, ...Object.fromEntries(fields.map((f) => [f, values[f] ?? ''])) },
      note: values.note,
    });
    if (!parsed.success) {
      message.error(parsed.error.issues[0]?.message ?? '勘误内容不完整');
      return;
    }
    setBusy(true);
    try {
      const answer = await issueApi.correct(issue.id, parsed.data);
      message.success(`勘误已完成，已生成第${answer.data.revision}版文件`);
      onDone(answer);
    } catch (error) {
      if (!isStale(error) && !isOvertaken(error)) {
        notifyError(error);
        return;
      }
      // Another correction came first: keep this one's text, take the issue's new version.
      const fresh = await onRefresh();
      if (!fresh) notifyError(error);
      else if (fresh.abilities.correct)
        setNotice(
          `本期刚被他人勘误，已载入最新状态（现行第${fresh.data.revision}版）。您填写的内容仍保留，请核对后再提交。`,
        );
      else {
        message.warning('本期刚被他人处理，已载入最新状态，现已不能勘误');
        onClose();
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title="勘误"
      width={760}
      okText="确认勘误"
      cancelText="取消"
      confirmLoading={busy}
      okButtonProps={{ disabled: !loaded }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      forceRender
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        title="勘误后生成新版文件，原签发稿仍保留可查；报送对象将以新版为准。"
      />
      <StaleNotice notice={notice} />
      <div style={{ marginBottom: 16 }}>
        <Typography.Text>勘误的信息</Typography.Text>
        <Select
          style={{ width: '100%', marginTop: 6 }}
          value={itemId ?? undefined}
          onChange={setItemId}
          placeholder="选择本期中需要勘误的信息"
          aria-label="勘误的信息"
          options={issue.items.map((item, i) => ({ value: item.id, label: `${i + 1}. ${item.title}` }))}
          data-testid="correction-item"
        />
      </div>
      {itemId !== null && !loaded && <Skeleton active paragraph={{ rows: 4 }} />}
      <Form name="issue-correction" form={form} layout="vertical" onFinish={(v) => void submit(v)}>
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
              <Input maxLength={80} data-testid="correction-title" />
            ) : (
              <Input.TextArea autoSize={{ minRows: 3, maxRows: 14 }} data-testid={`correction-${field}`} />
            )}
          </Form.Item>
        ))}
        {loaded && (
          <Form.Item
            name="note"
            label="勘误说明"
            rules={[
              { required: true, whitespace: true, message: '请填写勘误说明' },
              { max: 300, message: '勘误说明最多300字' },
            ]}
          >
            <Input.TextArea
              rows={2}
              maxLength={300}
              showCount
              placeholder="如：第二段“2025年”应为“2024年”。"
              data-testid="correction-note"
            />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
