import { App, Button, Form, Input, InputNumber, Modal, Space } from 'antd';
import { useEffect, useState } from 'react';
import { topicInput } from '../../../shared/schemas/items.ts';
import { api } from '../../api/client.ts';
import { useNotifyError } from '../../components/use-notify.ts';
import { zodRule } from '../../components/zod-rule.ts';
import type { Topic } from './topic-types.ts';

export type TopicFormMode =
  | { kind: 'create'; parent: Topic | null; sortOrder: number }
  | { kind: 'edit'; topic: Topic }
  | null;

interface Props {
  mode: TopicFormMode;
  onClose: () => void;
  onSaved: () => void;
}

interface Values {
  name: string;
  sortOrder: number;
}

const fields = topicInput.shape;

function titleOf(mode: NonNullable<TopicFormMode>): string {
  if (mode.kind === 'edit') return `修改分类：${mode.topic.name}`;
  return mode.parent ? `新增二级分类（${mode.parent.name}）` : '新增一级分类';
}

/** Add a top-level or sub-topic, or rename one and change its place. */
export function TopicFormModal({ mode, onClose, onSaved }: Props) {
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (!mode) return;
    form.resetFields();
    if (mode.kind === 'edit') form.setFieldsValue({ name: mode.topic.name, sortOrder: mode.topic.sortOrder });
    else form.setFieldsValue({ name: '', sortOrder: mode.sortOrder });
  }, [mode, form]);

  const submit = async (values: Values) => {
    if (!mode) return;
    setSaving(true);
    try {
      if (mode.kind === 'create') {
        await api.post('/topics', {
          parentId: mode.parent?.id ?? null,
          name: values.name.trim(),
          sortOrder: values.sortOrder,
          active: true,
        });
        message.success('分类已新增');
      } else {
        const { parentId, active } = mode.topic;
        await api.patch(`/topics/${mode.topic.id}`, {
          parentId,
          name: values.name.trim(),
          sortOrder: values.sortOrder,
          active,
        });
        message.success('分类已保存');
      }
      onSaved();
    } catch (error) {
      notifyError(error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      title={mode ? titleOf(mode) : ''}
      open={mode !== null}
      onCancel={onClose}
      forceRender
      footer={
        <Space>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" loading={saving} onClick={() => form.submit()} data-testid="topic-submit">
            保存
          </Button>
        </Space>
      }
    >
      <Form name="topic" form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="name"
          label="分类名称"
          rules={[{ required: true, whitespace: true, message: '请填写类别名称' }, zodRule(fields.name)]}
        >
          <Input maxLength={20} showCount data-testid="topic-name" />
        </Form.Item>
        <Form.Item
          name="sortOrder"
          label="排序号"
          validateFirst
          rules={[{ required: true, message: '请填写排序号' }, zodRule(fields.sortOrder)]}
          extra="数字小的排在前面（0～999）；也可在列表中用上移、下移调整"
        >
          <InputNumber min={0} max={999} precision={0} style={{ width: 160 }} data-testid="topic-sort" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
