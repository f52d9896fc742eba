import { App, Form, Input, Modal, Select, Spin } from 'antd';
import { useEffect, useRef, useState } from 'react';
import {
  AWARD_ADJUSTMENTS,
  AWARD_KINDS,
  type AwardAdjustment,
  type AwardKind,
} from '../../../shared/awards.ts';
import type { AwardSubjectView } from '../../../shared/schemas/awards.ts';
import { api, type DataResponse, toQuery } from '../../api/client.ts';
import { useNotifyError } from '../../components/use-notify.ts';

export interface AdjustTarget {
  action: AwardAdjustment;
  kind: AwardKind;
  /** The entry acted on; none when adding (chosen in the picker). */
  subject?: { id: number; name: string };
}

/** Units, people or items of the round's CPPCC, found by name (GET /awards/:id/subjects). */
function SubjectPicker({
  roundId,
  kind,
  value,
  onChange,
}: {
  roundId: number;
  kind: AwardKind;
  value?: number;
  onChange?: (v: number | undefined) => void;
}) {
  const notifyError = useNotifyError();
  const [query, setQuery] = useState('');
  const [options, setOptions] = useState<AwardSubjectView[]>([]);
  const [loading, setLoading] = useState(false);
  const timer = useRef<number | undefined>(undefined);

  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    api
      .get<DataResponse<AwardSubjectView[]>>(`/awards/${roundId}/subjects${toQuery({ kind, q: query })}`, {
        signal: controller.signal,
      })
      .then((answer) => {
        setOptions(answer.data);
        setLoading(false);
      })
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        setLoading(false);
        notifyError(error);
      });
    return () => controller.abort();
  }, [roundId, kind, query, notifyError]);
  useEffect(() => () => window.clearTimeout(timer.current), []);

  return (
    <Select<number>
      showSearch
      filterOption={false}
      value={value}
      onChange={onChange}
      onSearch={(text) => {
        window.clearTimeout(timer.current);
        timer.current = window.setTimeout(() => setQuery(text.trim()), 300);
      }}
      notFoundContent={loading ? <Spin size="small" /> : '未找到'}
      placeholder={kind === 'item' ? '输入标题或编号查找' : '输入名称查找'}
      options={options.map((o) => ({ value: o.id, label: o.unit ? `${o.name}（${o.unit}）` : o.name }))}
      data-testid="award-subject"
    />
  );
}

const TITLES: Record<AwardAdjustment, string> = {
  remove: '调出候选对象',
  add: '增补',
  restore: '撤销调整',
};

/** The committee's decision on one subject, with the reason it is recorded under. */
export function AdjustModal({
  roundId,
  target,
  onClose,
  onDone,
}: {
  roundId: number;
  target: AdjustTarget | null;
  onClose: () => void;
  onDone: () => void;
}) {
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const [form] = Form.useForm<{ subjectId?: number; reason: string }>();
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (target) form.resetFields();
  }, [target, form]);

  const save = async () => {
    const v = await form.validateFields();
    if (!target) return;
    setSaving(true);
    try {
      await api.post(`/awards/${roundId}/adjustments`, {
        action: target.action,
        kind: target.kind,
        subjectId: target.subject?.id ?? v.subjectId,
        reason: v.reason.trim(),
      });
      message.success(`已${AWARD_ADJUSTMENTS[target.action]}`);
      onDone();
    } catch (error) {
      notifyError(error);
    } finally {
      setSaving(false);
    }
  };

  const title = target
    ? target.action === 'add'
      ? `增补${AWARD_KINDS[target.kind]}`
      : `${TITLES[target.action]}：${target.subject?.name ?? ''}`
    : '调整名单';
  return (
    <Modal
      open={target !== null}
      title={title}
      onCancel={onClose}
      onOk={save}
      okText="确定"
      confirmLoading={saving}
      forceRender
    >
      <Form form={form} layout="vertical">
        {target?.action === 'add' && (
          <Form.Item
            name="subjectId"
            label={AWARD_KINDS[target.kind]}
            rules={[{ required: true, message: '请选择增补的对象' }]}
          >
            <SubjectPicker roundId={roundId} kind={target.kind} />
          </Form.Item>
        )}
        <Form.Item
          name="reason"
          label="理由"
          extra="理由记入名单备注和审计日志。"
          rules={[
            { required: true, whitespace: true, message: '请填写理由' },
            { min: 2, message: '理由至少2个字' },
            { max: 500, message: '理由不超过500字' },
          ]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount data-testid="award-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
