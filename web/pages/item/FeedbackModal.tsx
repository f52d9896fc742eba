import { PaperClipOutlined } from '@ant-design/icons';
import { Alert, Button, DatePicker, Form, Input, Modal, Radio, Segmented, Select, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import {
  ADOPTION_BODIES,
  ADOPTION_BODY_KEYS,
  ADOPTION_FORM_KEYS,
  ADOPTION_FORMS,
  type AdoptionBody,
  type AdoptionForm,
  FEEDBACK_KIND_KEYS,
  FEEDBACK_KINDS,
  type FeedbackKind,
  IMPLEMENTATION_STATUS_KEYS,
  IMPLEMENTATION_STATUSES,
  type ImplementationStatus,
  INSTRUCTION_RANK_KEYS,
  INSTRUCTION_RANKS,
  type InstructionRank,
} from '../../../shared/feedback.ts';
import { chineseDate } from '../../../shared/issues.ts';
import { feedbackInput } from '../../../shared/schemas/feedback.ts';
import { ApiError } from '../../api/client.ts';
import { type Dayjs, dayjs } from '../workbench/dayjs-zh.ts';
import { FeedbackUpload } from './FeedbackUpload.tsx';
import {
  FEEDBACK_MAX_FILE_MB,
  FEEDBACK_MAX_FILES,
  type FeedbackInput,
  type FeedbackView,
} from './feedback-api.ts';
import { formatSize } from './item-labels.ts';

/** The form's fields. The two long texts are kept apart so switching the kind loses neither. */
interface Values {
  kind: FeedbackKind;
  body?: AdoptionBody;
  bodyName?: string;
  form?: AdoptionForm;
  publication?: string;
  leaderName?: string;
  rank?: InstructionRank;
  instructionText?: string;
  status?: ImplementationStatus;
  implementationText?: string;
  occurredOn?: Dayjs | null;
  note?: string;
}

const DATE_LABELS: Record<FeedbackKind, string> = {
  adoption: '采用日期',
  instruction: '批示日期',
  implementation: '反馈日期',
};

/** The earliest date the record may carry: a date (or time) and what it is (“信息报送日期”). */
export interface EarliestDate {
  date: string;
  what: string;
}

interface Props {
  open: boolean;
  title: string;
  /** A line above the form (e.g. that an issue's record goes to each of its items). */
  intro?: ReactNode;
  earliest: EarliestDate | null;
  /**
   * Records the feedback; throws on failure (the form then keeps what was typed). Returns the
   * record when scans may be added to it next, null when the dialog is done.
   */
  save: (body: FeedbackInput) => Promise<FeedbackView | null>;
  /** Allowed extensions of scans. */
  uploadTypes?: readonly string[];
  onClose: () => void;
  /** Something was recorded or a scan added: the list behind the dialog loads again. */
  onSaved: () => void;
}

const fresh = (): Partial<Values> => ({ kind: 'adoption', occurredOn: dayjs(), note: '' });

/** The body the server takes, from the fields of the chosen kind. */
function bodyOf(v: Values): unknown {
  const common = { occurredOn: v.occurredOn?.format('YYYY-MM-DD') ?? '', note: v.note ?? '' };
  if (v.kind === 'adoption')
    return {
      kind: v.kind,
      body: v.body,
      bodyName: v.body === 'other' ? (v.bodyName ?? '') : '',
      form: v.form,
      publication: v.publication ?? '',
      ...common,
    };
  if (v.kind === 'instruction')
    return {
      kind: v.kind,
      leaderName: v.leaderName ?? '',
      rank: v.rank,
      text: v.instructionText ?? '',
      ...common,
    };
  return { kind: v.kind, status: v.status, text: v.implementationText ?? '', ...common };
}

/** Where a schema message belongs on this form. */
function fieldOf(kind: FeedbackKind, path: PropertyKey | undefined): keyof Values {
  if (path === 'text') return kind === 'instruction' ? 'instructionText' : 'implementationText';
  const known: (keyof Values)[] = [
    'body',
    'bodyName',
    'form',
    'publication',
    'leaderName',
    'rank',
    'status',
    'occurredOn',
    'note',
  ];
  return known.find((k) => k === path) ?? 'note';
}

/**
 * 登记反馈: one adoption (采用), leader's instruction (领导批示) or implementation (落实情况), with
 * the fields of that kind; afterwards, where the record is one item's, scans may be added.
 * Used on the item page and, for a whole issue, on the issue page.
 */
export function FeedbackModal({ open, title, intro, earliest, save, uploadTypes, onClose, onSaved }: Props) {
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  /** Saved and open for scans. */
  const [saved, setSaved] = useState<FeedbackView | null>(null);
  const kind = Form.useWatch('kind', form) ?? 'adoption';
  const body = Form.useWatch('body', form);

  const today = dayjs().endOf('day');
  const earliestDay = earliest ? dayjs(earliest.date).startOf('day') : null;

  // Cancelling keeps what was typed for the next opening; only a saved record clears the form.
  const close = () => {
    setError(null);
    setSaved(null);
    onClose();
  };

  const submit = async (values: Values) => {
    setError(null);
    const parsed = feedbackInput.safeParse(bodyOf(values));
    if (!parsed.success) {
      form.setFields(
        parsed.error.issues.map((issue) => ({
          name: fieldOf(values.kind, issue.path[0]),
          errors: [issue.message],
        })),
      );
      return;
    }
    setSaving(true);
    try {
      const record = await save(parsed.data);
      form.resetFields();
      form.setFieldsValue(fresh());
      onSaved();
      if (record) setSaved(record);
      else onClose();
    } catch (failure) {
      // Keep every field as typed; say why it was refused.
      setError(failure instanceof ApiError ? failure.message : '保存失败，请稍后再试');
    } finally {
      setSaving(false);
    }
  };

  const footer = saved ? (
    <Button type="primary" onClick={close} data-testid="feedback-done">
      完成
    </Button>
  ) : (
    <>
      <Button onClick={close}>取消</Button>
      <Button type="primary" loading={saving} onClick={() => form.submit()} data-testid="feedback-save">
        保存
      </Button>
    </>
  );

  return (
    <Modal open={open} title={saved ? '上传扫描件' : title} onCancel={close} footer={footer} forceRender>
      {saved && (
        <SavedStep
          record={saved}
          uploadTypes={uploadTypes ?? []}
          onUploaded={(file) => {
            setSaved({ ...saved, files: [...saved.files, file] });
            onSaved();
          }}
        />
      )}
      <div style={saved ? { display: 'none' } : undefined} data-testid="feedback-form-step">
        {intro}
        {error && (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 12 }}
            title={error}
            data-testid="feedback-error"
            closable={{ onClose: () => setError(null) }}
          />
        )}
        <Form<Values>
          name="item-feedback"
          form={form}
          layout="vertical"
          initialValues={fresh()}
          onFinish={(v) => void submit(v)}
        >
          <Form.Item name="kind" label="反馈类别">
            <Segmented<FeedbackKind>
              block
              options={FEEDBACK_KIND_KEYS.map((k) => ({ value: k, label: FEEDBACK_KINDS[k] }))}
              data-testid="feedback-kind"
            />
          </Form.Item>

          {kind === 'adoption' && (
            <>
              <Form.Item name="body" label="采用单位" rules={[{ required: true, message: '请选择采用单位' }]}>
                <Select<AdoptionBody>
                  placeholder="选择采用单位"
                  options={ADOPTION_BODY_KEYS.map((k) => ({ value: k, label: ADOPTION_BODIES[k] }))}
                  data-testid="feedback-body"
                />
              </Form.Item>
              {body === 'other' && (
                <Form.Item
                  name="bodyName"
                  label="单位名称"
                  rules={[
                    { required: true, whitespace: true, message: '请填写采用单位名称' },
                    { max: 40, message: '采用单位名称最多40字' },
                  ]}
                >
                  <Input maxLength={40} placeholder="如：某某市政协办公室" data-testid="feedback-body-name" />
                </Form.Item>
              )}
              <Form.Item name="form" label="采用形式" rules={[{ required: true, message: '请选择采用形式' }]}>
                <Radio.Group
                  optionType="button"
                  options={ADOPTION_FORM_KEYS.map((k) => ({ value: k, label: ADOPTION_FORMS[k] }))}
                  data-testid="feedback-form"
                />
              </Form.Item>
              <Form.Item
                name="publication"
                label="刊物及期号"
                extra="采用单位的刊物和期号，没有可不填"
                rules={[{ max: 60, message: '刊物及期号最多60字' }]}
              >
                <Input
                  maxLength={60}
                  placeholder="如：《人民政协信息》第45期"
                  data-testid="feedback-publication"
                />
              </Form.Item>
            </>
          )}

          {kind === 'instruction' && (
            <>
              <Form.Item name="rank" label="领导职级" rules={[{ required: true, message: '请选择领导职级' }]}>
                <Select<InstructionRank>
                  placeholder="选择领导职级"
                  options={INSTRUCTION_RANK_KEYS.map((k) => ({ value: k, label: INSTRUCTION_RANKS[k] }))}
                  data-testid="feedback-rank"
                />
              </Form.Item>
              <Form.Item
                name="leaderName"
                label="批示领导"
                rules={[
                  { required: true, whitespace: true, message: '请填写批示领导' },
                  { max: 20, message: '批示领导最多20字' },
                ]}
              >
                <Input maxLength={20} placeholder="领导同志姓名" data-testid="feedback-leader" />
              </Form.Item>
              <Form.Item
                name="instructionText"
                label="批示内容"
                rules={[
                  { required: true, whitespace: true, message: '请填写批示内容' },
                  { max: 2000, message: '批示内容最多2000字' },
                ]}
              >
                <Input.TextArea
                  rows={4}
                  maxLength={2000}
                  showCount
                  placeholder="照批示件原文录入"
                  data-testid="feedback-instruction-text"
                />
              </Form.Item>
            </>
          )}

          {kind === 'implementation' && (
            <>
              <Form.Item
                name="status"
                label="落实状态"
                rules={[{ required: true, message: '请选择落实状态' }]}
              >
                <Radio.Group
                  optionType="button"
                  options={IMPLEMENTATION_STATUS_KEYS.map((k) => ({
                    value: k,
                    label: IMPLEMENTATION_STATUSES[k],
                  }))}
                  data-testid="feedback-status"
                />
              </Form.Item>
              <Form.Item
                name="implementationText"
                label="落实情况"
                rules={[
                  { required: true, whitespace: true, message: '请填写落实情况' },
                  { max: 2000, message: '落实情况最多2000字' },
                ]}
              >
                <Input.TextArea
                  rows={4}
                  maxLength={2000}
                  showCount
                  placeholder="有关部门研究办理、采纳建议的情况"
                  data-testid="feedback-implementation-text"
                />
              </Form.Item>
            </>
          )}

          <Form.Item
            name="occurredOn"
            label={DATE_LABELS[kind]}
            extra={
              earliest
                ? `不早于${earliest.what}（${chineseDate(earliestDay?.format('YYYY-MM-DD') ?? '')}），不晚于今天`
                : '不晚于今天'
            }
            rules={[
              { required: true, message: '请选择日期' },
              {
                validator: async (_, value: Dayjs | null | undefined) => {
                  if (!value) return;
                  if (value.isAfter(today)) throw new Error('反馈日期不能晚于今天');
                  if (earliestDay && value.isBefore(earliestDay))
                    throw new Error(`反馈日期不能早于${earliest?.what}`);
                },
              },
            ]}
          >
            <DatePicker
              style={{ width: '100%' }}
              format="YYYY年M月D日"
              inputReadOnly
              disabledDate={(d) => d.isAfter(today) || (earliestDay ? d.isBefore(earliestDay) : false)}
              placeholder="选择日期"
              data-testid="feedback-date"
            />
          </Form.Item>
          <Form.Item name="note" label="备注" rules={[{ max: 500, message: '备注最多500字' }]}>
            <Input.TextArea
              rows={2}
              maxLength={500}
              placeholder="选填，如：文号、来源"
              data-testid="feedback-note"
            />
          </Form.Item>
        </Form>
      </div>
    </Modal>
  );
}

/** After saving: the record in one line, and its scans. */
function SavedStep({
  record,
  uploadTypes,
  onUploaded,
}: {
  record: FeedbackView;
  uploadTypes: readonly string[];
  onUploaded: Parameters<typeof FeedbackUpload>[0]['onUploaded'];
}) {
  return (
    <div data-testid="feedback-saved">
      <Alert
        type="success"
        showIcon
        title="反馈已登记"
        description={record.summary}
        style={{ marginBottom: 12 }}
      />
      <Typography.Paragraph>
        可上传批示件、采用通知等扫描件（选填）。每条记录最多{FEEDBACK_MAX_FILES}个，单个不超过
        {FEEDBACK_MAX_FILE_MB}MB{uploadTypes.length > 0 ? `，支持${uploadTypes.join('、')}` : ''}。
      </Typography.Paragraph>
      {record.files.map((f) => (
        <div key={f.id} style={{ padding: '2px 0' }} data-testid="feedback-saved-file">
          <PaperClipOutlined />{' '}
          <Typography.Text style={{ wordBreak: 'break-all' }}>{f.fileName}</Typography.Text>{' '}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {formatSize(f.size)}
          </Typography.Text>
        </div>
      ))}
      <div style={{ marginTop: 8 }}>
        <FeedbackUpload
          feedbackId={record.id}
          count={record.files.length}
          types={uploadTypes}
          onUploaded={onUploaded}
        />
      </div>
    </div>
  );
}
