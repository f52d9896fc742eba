import { Alert, Checkbox, Form, Input, Modal, Select } from 'antd';
import { useEffect, useState } from 'react';
import { noticeInput } from '../../../shared/schemas/portal.ts';
import { ApiError } from '../../api/client.ts';
import { zodRule } from '../../components/zod-rule.ts';
import { type NoticeInput, type NoticeView, noticeApi } from './disclosures-api.ts';

interface Props {
  /** 'new', a notice to correct, or null when closed. */
  target: 'new' | NoticeView | null;
  desks: { id: number; name: string }[];
  onClose: () => void;
  onSaved: () => void;
}

/** Beijing's calendar day, whatever the browser's time zone. */
const beijingToday = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

/** Writes a new notice (saved as a draft) or corrects one; the body is plain paragraphs, one per line. */
export function NoticeModal({ target, desks, onClose, onSaved }: Props) {
  const [form] = Form.useForm<NoticeInput>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const editing = target !== null && target !== 'new' ? target : null;

  useEffect(() => {
    if (target === null) return;
    setError(null);
    form.setFieldsValue(
      target === 'new'
        ? { orgId: desks[0]?.id, title: '', body: '', publishOn: beijingToday(), pinned: false }
        : {
            orgId: target.org.id,
            title: target.title,
            body: target.body,
            publishOn: target.publishOn,
            pinned: target.pinned,
          },
    );
  }, [target, desks, form]);

  const save = async (values: NoticeInput) => {
    setBusy(true);
    setError(null);
    try {
      if (editing) {
        const { orgId: _org, ...rest } = values;
        await noticeApi.update(editing.id, { ...rest, version: editing.version });
      } else await noticeApi.create(values);
      onClose();
      onSaved();
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : '保存失败，请稍后再试');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={target !== null}
      title={editing ? '修改公告' : '新建公告'}
      okText={editing ? '保存修改' : '保存草稿'}
      cancelText="取消"
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      forceRender
      width={640}
    >
      <div data-testid="notice-dialog">
        {error && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={error} />}
        <Form form={form} layout="vertical" onFinish={(v) => void save(v)}>
          <Form.Item name="orgId" label="发布单位" hidden={desks.length < 2 || editing !== null}>
            <Select options={desks.map((d) => ({ value: d.id, label: d.name }))} />
          </Form.Item>
          <Form.Item name="title" label="标题" rules={[zodRule(noticeInput.shape.title)]}>
            <Input maxLength={100} data-testid="notice-title" />
          </Form.Item>
          <Form.Item name="body" label="正文（每段一行）" rules={[zodRule(noticeInput.shape.body)]}>
            <Input.TextArea autoSize={{ minRows: 5, maxRows: 16 }} data-testid="notice-body" />
          </Form.Item>
          <Form.Item
            name="publishOn"
            label="发布日期"
            extra="发布后自该日起在门户显示"
            rules={[zodRule(noticeInput.shape.publishOn)]}
          >
            <Input type="date" style={{ maxWidth: 200 }} data-testid="notice-date" />
          </Form.Item>
          <Form.Item name="pinned" valuePropName="checked">
            <Checkbox data-testid="notice-pinned">置顶</Checkbox>
          </Form.Item>
        </Form>
      </div>
    </Modal>
  );
}
