import { App, Button, Form, Input, Modal, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { countChars, ITEM_STREAMS, type ItemStream, SQMY_SECTIONS } from '../../../shared/items.ts';
import {
  type ItemContent,
  type ItemDetail,
  type ItemSummary,
  itemContent,
} from '../../../shared/schemas/items.ts';
import { api, type RecordResponse } from '../../api/client.ts';
import { useNotifyError } from '../../components/use-notify.ts';
import { zodRule } from '../../components/zod-rule.ts';

interface Props {
  /** The items to merge (two or more); null when closed. */
  items: readonly ItemSummary[] | null;
  onClose: () => void;
  onMerged: (composite: ItemDetail) => void;
}

type Values = Pick<ItemContent, 'title' | 'situation' | 'analysis' | 'suggestion' | 'body'>;

/** The text fields of the composite: it takes the stream (and so the sections) of the first item. */
const SECTIONS: Record<ItemStream, { field: keyof Values; label: string; required: boolean }[]> = {
  sqmy: [
    { field: 'situation', label: SQMY_SECTIONS.situation, required: true },
    { field: 'analysis', label: SQMY_SECTIONS.analysis, required: false },
    { field: 'suggestion', label: SQMY_SECTIONS.suggestion, required: true },
  ],
  zhxx: [{ field: 'body', label: '正文', required: true }],
};

const DIGITS = '一二三四五六七八九';

/** 一, 二, … 十, 十一, … 二十, 二十一, … (a merge holds at most 30 items). */
function ordinal(n: number): string {
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  if (tens === 0) return DIGITS[ones - 1] ?? '';
  return `${tens > 1 ? DIGITS[tens - 1] : ''}十${ones ? DIGITS[ones - 1] : ''}`;
}

/** A starting text the editor rewrites: the titles as one title and as the outline of the body. */
function draftOf(items: readonly ItemSummary[], stream: ItemStream): Values {
  const titles = items.map((item) => item.title.trim()).filter(Boolean);
  const outline = titles.map((title, i) => `${ordinal(i + 1)}、${title}`).join('\n');
  return {
    title: titles.join('；').slice(0, 80),
    situation: stream === 'sqmy' ? outline : '',
    analysis: '',
    suggestion: '',
    body: stream === 'sqmy' ? '' : outline,
  };
}

/** Merge the selected items into one composite item (综合信息); the sources become 已合并. */
export function MergeModal({ items, onClose, onMerged }: Props) {
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);

  const stream: ItemStream = items?.[0]?.stream ?? 'sqmy';

  useEffect(() => {
    if (!items) return;
    form.resetFields();
    form.setFieldsValue(draftOf(items, items[0]?.stream ?? 'sqmy'));
  }, [items, form]);

  const submit = async (values: Values) => {
    if (!items) return;
    setSaving(true);
    try {
      const blank = draftOf([], stream);
      const text = Object.fromEntries(SECTIONS[stream].map(({ field }) => [field, values[field] ?? '']));
      const answer = await api.post<RecordResponse<ItemDetail>>('/items/merge', {
        ...blank,
        ...text,
        ids: items.map((item) => item.id),
        title: values.title.trim(),
      });
      message.success(`已合并为综合信息，原 ${items.length} 条信息转为“已合并”`);
      onMerged(answer.data);
    } catch (error) {
      notifyError(error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      title="合并为综合信息"
      open={items !== null}
      onCancel={onClose}
      width={720}
      forceRender
      footer={
        <Space>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" loading={saving} onClick={() => form.submit()} data-testid="merge-submit">
            合并
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">
        以下 {items?.length ?? 0} 条信息将合并为一条{ITEM_STREAMS[stream]}
        （综合稿），原信息保留，状态转为“已合并”。已按原信息标题列出提纲，请在此基础上综合撰写。
      </Typography.Paragraph>
      <ul style={{ paddingInlineStart: 20, maxHeight: 140, overflow: 'auto' }} data-testid="merge-sources">
        {items?.map((item) => (
          <li key={item.id}>
            {item.number && <Typography.Text type="secondary">{item.number} </Typography.Text>}
            {item.title || '（无标题）'}
            <Typography.Text type="secondary">（{item.submittingOrgName}）</Typography.Text>
          </li>
        ))}
      </ul>
      <Form name="merge" form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="title"
          label="综合信息标题"
          rules={[
            { required: true, whitespace: true, message: '请填写标题' },
            zodRule(itemContent.shape.title),
          ]}
        >
          <Input maxLength={80} showCount data-testid="merge-title" />
        </Form.Item>
        {SECTIONS[stream].map(({ field, label, required }) => (
          <Form.Item
            key={field}
            name={field}
            label={label}
            rules={[
              ...(required ? [{ required: true, whitespace: true, message: `请填写“${label}”部分` }] : []),
              zodRule(itemContent.shape[field]),
            ]}
          >
            <Input.TextArea
              autoSize={{ minRows: field === 'analysis' ? 3 : 6, maxRows: 16 }}
              showCount={{ formatter: ({ value }) => `${countChars(value)} 字` }}
              data-testid={`merge-${field}`}
            />
          </Form.Item>
        ))}
      </Form>
    </Modal>
  );
}
