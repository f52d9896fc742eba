import { Form, type FormInstance, Radio, Select } from 'antd';
import type { RuleObject } from 'antd/es/form';
import {
  ITEM_DIRECTION_KEYS,
  ITEM_DIRECTIONS,
  ITEM_KIND_KEYS,
  ITEM_KINDS,
  ITEM_STREAM_KEYS,
  ITEM_STREAMS,
  SQMY_SECTIONS,
  type SqmySection,
} from '../../../shared/items.ts';
import type { ItemSettings, Topic } from '../item/item-api.ts';
import { CharCounter } from './CharCounter.tsx';
import { DraftMetaFields } from './DraftMetaFields.tsx';
import { charsOf, type DraftValues } from './draft-model.ts';
import { PasteLineInput, PasteTextArea } from './PasteInput.tsx';
import { TopicCascader } from './TopicCascader.tsx';

interface Props {
  form: FormInstance<DraftValues>;
  initialValues: DraftValues;
  settings: ItemSettings;
  topics: readonly Topic[];
  /** A liaison may submit for a member (代报). */
  forMember: boolean;
  onChange: (values: DraftValues) => void;
  onBlur: () => void;
}

const SECTION_HINTS: Record<SqmySection, string> = {
  situation: '反映的问题或情况：时间、地点、范围、典型事例和数据，简明扼要',
  analysis: '问题产生的原因，分析要有依据、有深度',
  suggestion: '有针对性、可操作的意见建议，可分条列出',
};

/** Required only for the stream being written (the other stream's text is kept, not checked). */
const requiredFor =
  (stream: DraftValues['stream'], message: string) =>
  ({ getFieldValue }: { getFieldValue: (name: string) => unknown }): RuleObject => ({
    validator: async (_, value: unknown) => {
      if (getFieldValue('stream') !== stream) return;
      if (typeof value !== 'string' ? value === null || value === undefined : value.trim() === '')
        throw new Error(message);
    },
  });

/** The author's form: classification, the text by stream, authors, source and flags. */
export function ItemEditorForm({
  form,
  initialValues,
  settings,
  topics,
  forMember,
  onChange,
  onBlur,
}: Props) {
  const stream = Form.useWatch('stream', form) ?? initialValues.stream;
  const sourceType = Form.useWatch('sourceType', form) ?? initialValues.sourceType;
  const count =
    Form.useWatch((values: DraftValues) => charsOf({ ...initialValues, ...values }), form) ??
    charsOf(initialValues);

  return (
    <Form<DraftValues>
      form={form}
      layout="vertical"
      initialValues={initialValues}
      onValuesChange={() => onChange(form.getFieldsValue(true) as DraftValues)}
      onBlur={onBlur}
      scrollToFirstError
      data-testid="item-editor-form"
    >
      <Form.Item name="stream" label="信息类别" rules={[{ required: true, message: '请选择信息类别' }]}>
        <Radio.Group buttonStyle="solid" optionType="button" data-testid="item-stream">
          {ITEM_STREAM_KEYS.map((key) => (
            <Radio.Button key={key} value={key} data-testid={`item-stream-${key}`}>
              {ITEM_STREAMS[key]}
            </Radio.Button>
          ))}
        </Radio.Group>
      </Form.Item>
      <Form.Item
        name="kind"
        label="综合信息类型"
        hidden={stream !== 'zhxx'}
        required
        rules={[requiredFor('zhxx', '请选择综合信息类型')]}
      >
        <Select
          placeholder="请选择"
          options={ITEM_KIND_KEYS.map((k) => ({ value: k, label: ITEM_KINDS[k] }))}
          data-testid="item-kind"
        />
      </Form.Item>
      <Form.Item name="topicId" label="信息分类" rules={[{ required: true, message: '请选择信息分类' }]}>
        <TopicCascader topics={topics} data-testid="item-topic" />
      </Form.Item>
      <Form.Item name="direction" label="采集方向" rules={[{ required: true, message: '请选择采集方向' }]}>
        <Select
          placeholder="请选择"
          options={ITEM_DIRECTION_KEYS.map((k) => ({ value: k, label: ITEM_DIRECTIONS[k] }))}
          data-testid="item-direction"
        />
      </Form.Item>
      <Form.Item
        name="title"
        label="标题"
        rules={[{ required: true, whitespace: true, message: '请填写标题' }]}
      >
        <PasteLineInput maxLength={80} placeholder="一句话概括反映的问题和建议" data-testid="item-title" />
      </Form.Item>
      {(Object.keys(SQMY_SECTIONS) as SqmySection[]).map((section) => (
        <Form.Item
          key={section}
          name={section}
          label={SQMY_SECTIONS[section]}
          hidden={stream !== 'sqmy'}
          required={section !== 'analysis'}
          rules={section === 'analysis' ? [] : [requiredFor('sqmy', `请填写“${SQMY_SECTIONS[section]}”部分`)]}
        >
          <PasteTextArea
            autoSize={{ minRows: 4, maxRows: 20 }}
            maxLength={20000}
            placeholder={SECTION_HINTS[section]}
            data-testid={`item-${section}`}
          />
        </Form.Item>
      ))}
      <Form.Item
        name="body"
        label="正文"
        hidden={stream !== 'zhxx'}
        required
        rules={[requiredFor('zhxx', '请填写正文')]}
      >
        <PasteTextArea autoSize={{ minRows: 8, maxRows: 30 }} maxLength={40000} data-testid="item-body" />
      </Form.Item>
      <div style={{ margin: '-8px 0 16px' }}>
        <CharCounter count={count} guide={settings.charGuide} max={settings.charMax} />
      </div>
      <DraftMetaFields settings={settings} forMember={forMember} sourceType={sourceType} />
    </Form>
  );
}
