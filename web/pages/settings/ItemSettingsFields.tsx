import { Form, Input, InputNumber, Typography } from 'antd';
import { settingsSchema } from '../../../shared/schemas/settings.ts';
import { zodRule } from '../../components/zod-rule.ts';

const range = (min: number, max: number, message: string) => [
  { required: true, message: '请填写' },
  { type: 'number' as const, min, max, message },
];

/** A registration number as the format gives it, e.g. `{year}-{seq}` → 2026-0001. */
function sampleNumber(format: string | undefined): string {
  if (!format?.includes('{seq}')) return '';
  return format.replaceAll('{year}', String(new Date().getFullYear())).replaceAll('{seq}', '0001');
}

/** The 信息报送 section of the settings form (length, numbering, attachments, digest). */
export function ItemSettingsFields() {
  const form = Form.useFormInstance();
  const format = Form.useWatch<string | undefined>('itemNumberFormat', form);
  const sample = sampleNumber(format);
  return (
    <>
      <Typography.Title level={5}>信息报送</Typography.Title>
      <Form.Item
        name="itemCharGuide"
        label="篇幅建议字数"
        rules={range(300, 10000, '篇幅建议字数应在300～10000字之间')}
        extra="撰写时实时显示字数，超过建议字数时提示作者精简"
      >
        <InputNumber
          min={1}
          precision={0}
          suffix="字"
          style={{ width: 200 }}
          data-testid="settings-char-guide"
        />
      </Form.Item>
      <Form.Item
        name="itemCharMax"
        label="篇幅上限"
        dependencies={['itemCharGuide']}
        rules={[
          ...range(500, 40000, '篇幅上限应在500～40000字之间'),
          ({ getFieldValue }) => ({
            validator: async (_, value: number | undefined) => {
              const guide: unknown = getFieldValue('itemCharGuide');
              if (typeof value === 'number' && typeof guide === 'number' && value < guide)
                throw new Error('篇幅上限不应小于建议字数');
            },
          }),
        ]}
        extra="超过上限的信息不能报送"
      >
        <InputNumber
          min={1}
          precision={0}
          suffix="字"
          style={{ width: 200 }}
          data-testid="settings-char-max"
        />
      </Form.Item>
      <Form.Item
        name="itemNumberFormat"
        label="登记编号格式"
        rules={[
          { required: true, whitespace: true, message: '请填写登记编号格式' },
          zodRule(settingsSchema.shape.itemNumberFormat),
        ]}
        extra={
          <>
            {'{year}'} 代表登记年份，{'{seq}'} 代表本级政协当年的登记流水号（不足四位前面补零），格式中须包含{' '}
            {'{seq}'}。
            {sample && (
              <div data-testid="settings-number-sample">
                示例：<Typography.Text code>{sample}</Typography.Text>
              </div>
            )}
          </>
        }
      >
        <Input maxLength={40} style={{ width: 280 }} data-testid="settings-number-format" />
      </Form.Item>
      <Form.Item
        name="itemMaxAttachments"
        label="每条信息附件数上限"
        rules={range(0, 5, '附件数上限应在0～5个之间')}
        extra="填0表示不允许上传附件"
      >
        <InputNumber
          min={0}
          precision={0}
          suffix="个"
          style={{ width: 200 }}
          data-testid="settings-max-attachments"
        />
      </Form.Item>
      <Form.Item
        name="itemMaxAttachmentMb"
        label="单个附件大小上限"
        rules={range(1, 50, '单个附件大小上限应在1～50MB之间')}
      >
        <InputNumber
          min={1}
          precision={0}
          suffix="MB"
          style={{ width: 200 }}
          data-testid="settings-max-attachment-mb"
        />
      </Form.Item>
      <Form.Item
        name="digestAfterHours"
        label="未读消息汇总提醒（小时）"
        rules={range(1, 168, '汇总提醒时间应在1～168小时之间')}
        extra="站内消息超过该时长仍未阅读的，且本人此后未登录的，以短信汇总提醒（需登记手机号）"
      >
        <InputNumber min={1} precision={0} style={{ width: 200 }} data-testid="settings-digest-hours" />
      </Form.Item>
    </>
  );
}
