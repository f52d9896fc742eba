import { Alert, DatePicker, Form, Input, InputNumber, Modal, Radio, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { REPLY_RATING_KEYS, REPLY_RATINGS, type ReplyRating } from '../../../shared/referrals.ts';
import {
  referralReplyInput,
  referralRevokeInput,
  referralSignInput,
} from '../../../shared/schemas/referrals.ts';
import { ApiError } from '../../api/client.ts';
import { zodRule } from '../../components/zod-rule.ts';
import { type Dayjs, dayjs } from '../workbench/dayjs-zh.ts';
import type { ReferralStep } from './ReferralCard.tsx';
import { type ReferralView, referralApi } from './referrals-api.ts';

interface Values {
  day?: Dayjs;
  signerName?: string;
  text?: string;
  rating?: ReplyRating;
  note?: string;
  deadlineDays?: number;
  reason?: string;
}

const TITLES: Record<ReferralStep, string> = {
  sign: '签收交办件',
  reply: '办复',
  review: '评价办复',
  revoke: '撤销交办',
};

interface Props {
  referral: ReferralView | null;
  step: ReferralStep | null;
  onClose: () => void;
  onDone: (updated: ReferralView) => void;
}

/** The form of one step on a referral: 签收, 办复, 评价 (不满意 sends it back), 撤销. */
export function ReferralStepModal({ referral: r, step, onClose, onDone }: Props) {
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const rating = Form.useWatch('rating', form);
  const open = r !== null && step !== null;
  // What was last opened: still shown while the dialog fades out.
  const [shown, setShown] = useState<{ r: ReferralView; step: ReferralStep } | null>(null);
  const proxy = shown?.r.abilities.proxy ?? false;
  const current = shown?.step ?? null;

  // Reset when a step is opened on a referral, not when the page hands over a fresh copy of the
  // same referral (a background reload) while the user is typing.
  // biome-ignore lint/correctness/useExhaustiveDependencies: keyed on the referral's id and the step on purpose
  useEffect(() => {
    if (!r || !step) return;
    setShown({ r, step });
    form.resetFields();
    form.setFieldsValue({ day: dayjs(), deadlineDays: r.deadlineDays });
    setError(null);
  }, [r?.id, step, form]);

  const submit = async (v: Values) => {
    if (!r || !step) return;
    const day = v.day?.format('YYYY-MM-DD') ?? '';
    setBusy(true);
    setError(null);
    try {
      const answer =
        step === 'sign'
          ? await referralApi.sign(r.id, { signedOn: day, signerName: v.signerName?.trim() ?? '' })
          : step === 'reply'
            ? await referralApi.reply(r.id, { repliedOn: day, text: v.text?.trim() ?? '' })
            : step === 'review'
              ? await referralApi.review(r.id, {
                  rating: v.rating as ReplyRating,
                  note: v.note?.trim() ?? '',
                  ...(v.rating === 'unsatisfied' ? { deadlineDays: v.deadlineDays } : {}),
                })
              : await referralApi.revoke(r.id, v.reason?.trim() ?? '');
      onClose();
      onDone(answer.data);
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : '提交失败，请稍后再试');
    } finally {
      setBusy(false);
    }
  };

  const dayItem = (label: string) => (
    <Form.Item name="day" label={label} rules={[{ required: true, message: `请选择${label}` }]}>
      <DatePicker
        style={{ width: '100%' }}
        format="YYYY年M月D日"
        inputReadOnly
        disabledDate={(d) => d.isAfter(dayjs().endOf('day'))}
        data-testid="referral-day"
      />
    </Form.Item>
  );

  return (
    <Modal
      open={open}
      title={
        current
          ? `${TITLES[current]}${proxy && (current === 'sign' || current === 'reply') ? '（代为登记）' : ''}`
          : ''
      }
      okText={current === 'revoke' ? '确认撤销' : '提交'}
      cancelText="取消"
      okButtonProps={{ danger: current === 'revoke', ...{ 'data-testid': 'referral-step-submit' } }}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      forceRender
    >
      <div data-testid="referral-step-dialog">
        {shown && (
          <Typography.Paragraph type="secondary">
            {shown.r.org.name} · 《{shown.r.item.title}》
          </Typography.Paragraph>
        )}
        {proxy && (current === 'sign' || current === 'reply') && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            title="承办单位未在线办理，由信息处根据其书面签收或办复函代为登记，记录中将注明“代为登记”。"
          />
        )}
        {error && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={error} />}
        <Form name="referral-step" form={form} layout="vertical" onFinish={(v) => void submit(v)}>
          {current === 'sign' && (
            <>
              {dayItem('签收日期')}
              <Form.Item
                name="signerName"
                label="签收人"
                extra={proxy ? '承办单位在回执上签收的人员' : '不填则为您本人'}
                rules={[
                  ...(proxy ? [{ required: true, whitespace: true, message: '请填写承办单位的签收人' }] : []),
                  zodRule(referralSignInput.shape.signerName),
                ]}
              >
                <Input maxLength={20} data-testid="referral-signer" />
              </Form.Item>
            </>
          )}
          {current === 'reply' && (
            <>
              {dayItem('办复日期')}
              <Form.Item
                name="text"
                label="办复内容"
                extra="办复函等扫描件可在提交后上传"
                validateFirst
                rules={[
                  { required: true, whitespace: true, message: '请填写办复内容' },
                  zodRule(referralReplyInput.shape.text),
                ]}
              >
                <Input.TextArea rows={6} maxLength={4000} showCount data-testid="referral-reply-input" />
              </Form.Item>
            </>
          )}
          {current === 'review' && (
            <>
              <Form.Item name="rating" label="评价" rules={[{ required: true, message: '请选择评价' }]}>
                <Radio.Group
                  options={REPLY_RATING_KEYS.map((k) => ({ value: k, label: REPLY_RATINGS[k] }))}
                  optionType="button"
                  data-testid="referral-rating"
                />
              </Form.Item>
              <Form.Item
                name="note"
                label={rating === 'unsatisfied' ? '重新办复的意见' : '评价意见（选填）'}
                rules={
                  rating === 'unsatisfied'
                    ? [
                        {
                          required: true,
                          whitespace: true,
                          message: '评价为不满意时，请写明需要重新办复的意见',
                        },
                      ]
                    : []
                }
              >
                <Input.TextArea rows={3} maxLength={500} showCount data-testid="referral-review-note" />
              </Form.Item>
              {rating === 'unsatisfied' ? (
                <Form.Item
                  name="deadlineDays"
                  label="重新办复时限"
                  extra="自今天起计算的工作日；原办复保留在记录中"
                  rules={[{ required: true, message: '请填写办理时限' }]}
                >
                  <InputNumber min={1} max={120} precision={0} suffix="个工作日" style={{ width: 200 }} />
                </Form.Item>
              ) : (
                <Typography.Paragraph type="secondary">
                  满意或基本满意即办结，并告知信息作者。
                </Typography.Paragraph>
              )}
            </>
          )}
          {current === 'revoke' && (
            <Form.Item
              name="reason"
              label="撤销原因"
              extra="交办有误时撤销；撤销后记录仍予保留"
              validateFirst
              rules={[
                { required: true, whitespace: true, message: '请填写撤销原因' },
                zodRule(referralRevokeInput.shape.reason),
              ]}
            >
              <Input.TextArea rows={3} maxLength={300} showCount data-testid="referral-revoke-reason" />
            </Form.Item>
          )}
        </Form>
      </div>
    </Modal>
  );
}
