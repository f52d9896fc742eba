import { App, Button, Drawer, Form, Grid, Input, InputNumber, Select, Space } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { POST_DUTIES, POST_DUTY_KEYS, type PostDuty } from '../../../shared/items.ts';
import { postInput } from '../../../shared/schemas/posts.ts';
import { api } from '../../api/client.ts';
import { type Ref, refOptions } from '../../components/use-desk-data.ts';
import { useNotifyError } from '../../components/use-notify.ts';
import { zodRule } from '../../components/zod-rule.ts';
import type { PostView } from './post-types.ts';

interface Props {
  /** `'new'` to create, a post to edit, null when closed. */
  target: 'new' | PostView | null;
  desk: Ref | undefined;
  assignees: readonly Ref[];
  onClose: () => void;
  onSaved: () => void;
}

interface Values {
  name: string;
  duty: PostDuty;
  holderAId: number;
  holderBId: number;
  deadlineHours: number;
}

const fields = postInput.shape;

export function PostFormDrawer({ target, desk, assignees, onClose, onSaved }: Props) {
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const screens = Grid.useBreakpoint();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  // The title keeps its mode while the drawer animates closed.
  const last = useRef(target);
  if (target !== null) last.current = target;
  const editing = last.current !== 'new' ? last.current : null;

  useEffect(() => {
    if (target === null) return;
    form.resetFields();
    if (target === 'new') form.setFieldsValue({ duty: 'register', deadlineHours: 24 });
    else {
      const { name, duty, holderA, holderB, deadlineHours } = target;
      form.setFieldsValue({ name, duty, holderAId: holderA.id, holderBId: holderB.id, deadlineHours });
    }
  }, [target, form]);

  // Current holders stay selectable even if they no longer work at this desk.
  const options = useMemo(() => {
    const people = new Map(assignees.map((a) => [a.id, a]));
    if (editing) for (const holder of [editing.holderA, editing.holderB]) people.set(holder.id, holder);
    return refOptions([...people.values()]);
  }, [assignees, editing]);

  const submit = async (values: Values) => {
    if (!desk || target === null) return;
    const parsed = postInput.safeParse({ ...values, name: values.name.trim(), orgId: desk.id });
    if (!parsed.success) {
      form.setFields(
        parsed.error.issues.map((issue) => ({
          name: String(issue.path[0]) as keyof Values,
          errors: [issue.message],
        })),
      );
      return;
    }
    setSaving(true);
    try {
      if (target === 'new') await api.post('/posts', parsed.data);
      else await api.put(`/posts/${target.id}`, { ...parsed.data, version: target.version });
      message.success(target === 'new' ? '岗位已设立' : '岗位已保存');
      onSaved();
    } catch (error) {
      notifyError(error);
    } finally {
      setSaving(false);
    }
  };

  const personSelect = (testId: string) => (
    <Select<number>
      showSearch
      optionFilterProp="label"
      options={options}
      placeholder="选择本信息部门工作人员"
      notFoundContent="本信息部门暂无可选人员"
      data-testid={testId}
    />
  );

  return (
    <Drawer
      title={editing ? `编辑岗位：${editing.name}` : `设立岗位${desk ? `（${desk.name}）` : ''}`}
      open={target !== null}
      onClose={onClose}
      size={screens.md ? 480 : '100%'}
      forceRender
      footer={
        <Space style={{ display: 'flex', justifyContent: 'flex-end' }}>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" loading={saving} onClick={() => form.submit()} data-testid="post-submit">
            保存
          </Button>
        </Space>
      }
    >
      <Form name="post" form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="name"
          label="岗位名称"
          rules={[{ required: true, whitespace: true, message: '请填写岗位名称' }, zodRule(fields.name)]}
        >
          <Input maxLength={30} placeholder="如：社情民意登记岗" data-testid="post-name" />
        </Form.Item>
        <Form.Item name="duty" label="岗位职责" rules={[{ required: true, message: '请选择岗位职责' }]}>
          <Select
            options={POST_DUTY_KEYS.map((key) => ({ value: key, label: POST_DUTIES[key] }))}
            data-testid="post-duty"
          />
        </Form.Item>
        <Form.Item
          name="holderAId"
          label="A岗（主办）"
          rules={[{ required: true, message: '请选择A岗' }]}
          extra="A岗人员日常承办本岗位工作"
        >
          {personSelect('post-holder-a')}
        </Form.Item>
        <Form.Item
          name="holderBId"
          label="B岗（代岗）"
          dependencies={['holderAId']}
          rules={[
            { required: true, message: '请选择B岗' },
            ({ getFieldValue }) => ({
              validator: async (_, value: number | undefined) => {
                if (value !== undefined && value === getFieldValue('holderAId'))
                  throw new Error('A岗与B岗不能是同一人');
              },
            }),
          ]}
          extra="A岗人员请假或信息超过办理时限时，由B岗接办"
        >
          {personSelect('post-holder-b')}
        </Form.Item>
        <Form.Item
          name="deadlineHours"
          label="办理时限"
          validateFirst
          rules={[{ required: true, message: '请填写办理时限' }, zodRule(fields.deadlineHours)]}
          extra="信息到达本岗位后应在该时限内办理，超过时限转由B岗办理"
        >
          <InputNumber
            min={1}
            max={720}
            precision={0}
            suffix="小时"
            style={{ width: 200 }}
            data-testid="post-deadline"
          />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
