import { PaperClipOutlined, PlusOutlined, RollbackOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Input, Modal, Skeleton, Tag, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useLocation } from 'react-router';
import { FEEDBACK_KINDS, type FeedbackKind } from '../../../shared/feedback.ts';
import { chineseDate } from '../../../shared/issues.ts';
import { revokeInput } from '../../../shared/schemas/feedback.ts';
import type { ItemDetail } from '../../../shared/schemas/items.ts';
import { ApiError } from '../../api/client.ts';
import { formatDateTime } from '../../components/format.ts';
import { zodRule } from '../../components/zod-rule.ts';
import { type EarliestDate, FeedbackModal } from './FeedbackModal.tsx';
import { FeedbackUpload } from './FeedbackUpload.tsx';
import {
  FEEDBACK_MAX_FILES,
  type FeedbackAbilities,
  type FeedbackView,
  feedbackApi,
} from './feedback-api.ts';
import { formatSize } from './item-labels.ts';

const KIND_COLORS: Record<FeedbackKind, string> = {
  adoption: 'green',
  instruction: 'red',
  implementation: 'blue',
};

type Load =
  | { state: 'loading' }
  | { state: 'failed'; message: string }
  | { state: 'ready'; data: FeedbackView[]; abilities: FeedbackAbilities };

/** Feedback may not be dated before the item was first submitted (or, for a 综合稿, made). */
function earliestOf(item: ItemDetail): EarliestDate | null {
  const submitted = item.events
    .filter((e) => e.action === 'submit')
    .map((e) => e.createdAt)
    .sort()[0];
  const date = submitted ?? (item.composite ? item.createdAt : null);
  return date ? { date, what: '信息报送日期' } : null;
}

interface Props {
  item: ItemDetail;
  /** Allowed extensions of scans (the attachment whitelist). */
  uploadTypes: readonly string[];
  /** A record was added or revoked: the item (its timeline) loads again. */
  onChanged: () => void;
}

/**
 * 采用与批示: what became of the item after it left the office — adopted by a body above, a
 * leader's instruction, how it was implemented — for everyone who sees the item; recorded and
 * revoked by the receiving information office.
 */
export function ItemFeedbackCard({ item, uploadTypes, onChanged }: Props) {
  const location = useLocation();
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [reloadKey, setReloadKey] = useState(0);
  const [recording, setRecording] = useState(false);
  const [revoking, setRevoking] = useState<FeedbackView | null>(null);
  const cardRef = useRef<HTMLDivElement>(null);
  const scrolled = useRef(false);

  // biome-ignore lint/correctness/useExhaustiveDependencies: reloadKey asks for a fresh copy
  useEffect(() => {
    const controller = new AbortController();
    feedbackApi.list(item.id, controller.signal).then(
      (answer) => setLoad({ state: 'ready', data: answer.data, abilities: answer.abilities }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setLoad((old) =>
          old.state === 'ready'
            ? old
            : {
                state: 'failed',
                message: error instanceof ApiError ? error.message : '加载失败，请稍后再试',
              },
        );
      },
    );
    return () => controller.abort();
  }, [item.id, reloadKey]);

  const reload = useCallback(() => setReloadKey((k) => k + 1), []);
  const changed = useCallback(() => {
    reload();
    onChanged();
  }, [reload, onChanged]);

  // Opened from a notice about this (…#feedback): bring the card into view once it has loaded.
  useEffect(() => {
    if (load.state !== 'ready' || scrolled.current || location.hash !== '#feedback') return;
    scrolled.current = true;
    cardRef.current?.scrollIntoView({ block: 'start' });
  }, [load.state, location.hash]);

  const abilities = load.state === 'ready' ? load.abilities : { record: false };
  const records = load.state === 'ready' ? load.data : [];
  const live = records.filter((r) => r.revoked === null).length;

  return (
    <div ref={cardRef} id="feedback" style={{ scrollMarginTop: 72 }} data-testid="item-feedback">
      <Card
        title={`采用与批示${live > 0 ? `（${live}）` : ''}`}
        styles={{ body: { padding: 16 } }}
        extra={
          abilities.record && (
            <Button
              size="small"
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setRecording(true)}
              data-testid="feedback-record"
            >
              登记反馈
            </Button>
          )
        }
      >
        {load.state === 'loading' && <Skeleton active paragraph={{ rows: 2 }} />}
        {load.state === 'failed' && (
          <Alert
            type="warning"
            showIcon
            title={`采用与批示情况加载失败：${load.message}`}
            action={
              <Button size="small" onClick={reload}>
                重试
              </Button>
            }
          />
        )}
        {load.state === 'ready' && records.length === 0 && (
          <Typography.Text type="secondary" data-testid="feedback-empty">
            {abilities.record
              ? '尚未登记。信息被采用、领导作出批示或有关方面反馈落实情况后，请及时登记。'
              : '尚无采用、批示或落实情况。信息处登记后，您将收到消息提醒。'}
          </Typography.Text>
        )}
        {records.map((r, i) => (
          <FeedbackRecord
            key={r.id}
            record={r}
            first={i === 0}
            mayRecord={abilities.record}
            uploadTypes={uploadTypes}
            onRevoke={() => setRevoking(r)}
            onUploaded={reload}
          />
        ))}
      </Card>
      {abilities.record && (
        <FeedbackModal
          open={recording}
          title="登记反馈"
          earliest={earliestOf(item)}
          save={async (body) => (await feedbackApi.record(item.id, body)).data}
          uploadTypes={uploadTypes}
          onClose={() => setRecording(false)}
          onSaved={changed}
        />
      )}
      <RevokeModal record={revoking} onClose={() => setRevoking(null)} onRevoked={changed} />
    </div>
  );
}

/** One record: what, when, by whom; the text, note and scans; struck through once revoked. */
function FeedbackRecord({
  record: r,
  first,
  mayRecord,
  uploadTypes,
  onRevoke,
  onUploaded,
}: {
  record: FeedbackView;
  first: boolean;
  mayRecord: boolean;
  uploadTypes: readonly string[];
  onRevoke: () => void;
  onUploaded: () => void;
}) {
  const revoked = r.revoked !== null;
  const textLabel = r.kind === 'instruction' ? '批示内容' : '落实情况';
  return (
    <div
      data-testid="feedback-row"
      data-kind={r.kind}
      data-revoked={revoked}
      style={{
        padding: '10px 0',
        borderTop: first ? undefined : '1px solid rgba(5,5,5,0.06)',
        opacity: revoked ? 0.75 : 1,
      }}
    >
      <div style={{ display: 'flex', alignItems: 'flex-start', gap: 6 }}>
        <div style={{ flex: 1, minWidth: 0 }}>
          <Tag color={revoked ? 'default' : KIND_COLORS[r.kind]} style={{ marginInlineEnd: 6 }}>
            {FEEDBACK_KINDS[r.kind]}
          </Tag>
          {revoked && (
            <Tag color="default" data-testid="feedback-revoked-tag">
              已撤销
            </Tag>
          )}
          <Typography.Text strong={!revoked} delete={revoked} data-testid="feedback-summary">
            {r.summary}
          </Typography.Text>
        </div>
        {mayRecord && !revoked && (
          <Button
            size="small"
            type="text"
            danger
            icon={<RollbackOutlined />}
            onClick={onRevoke}
            data-testid="feedback-revoke"
          >
            撤销
          </Button>
        )}
      </div>
      <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', marginTop: 4 }}>
        {chineseDate(r.occurredOn)} · {r.recordedBy.name}登记
        {r.viaIssue ? ` · 随${r.viaIssue.label}整期登记` : ''}
      </Typography.Text>
      {r.text && (
        <Typography.Paragraph
          delete={revoked}
          style={{ margin: '6px 0 0', whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}
          data-testid="feedback-text"
        >
          <Typography.Text type="secondary">{textLabel}：</Typography.Text>
          {r.text}
        </Typography.Paragraph>
      )}
      {r.note && (
        <Typography.Paragraph
          type="secondary"
          style={{ margin: '4px 0 0', whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}
        >
          备注：{r.note}
        </Typography.Paragraph>
      )}
      {r.files.map((f) => (
        <div
          key={f.id}
          style={{ display: 'flex', alignItems: 'center', gap: 6, marginTop: 4, flexWrap: 'wrap' }}
          data-testid="feedback-file"
        >
          <PaperClipOutlined />
          <Typography.Link
            href={feedbackApi.fileUrl(r.id, f.id)}
            download={f.fileName}
            style={{ wordBreak: 'break-all' }}
          >
            {f.fileName}
          </Typography.Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {formatSize(f.size)}
          </Typography.Text>
        </div>
      ))}
      {r.revoked && (
        <Typography.Paragraph
          type="danger"
          style={{ margin: '6px 0 0', fontSize: 13, wordBreak: 'break-word' }}
          data-testid="feedback-revoke-reason"
        >
          撤销原因：{r.revoked.reason}（{r.revoked.by.name}，{formatDateTime(r.revoked.at)}）
        </Typography.Paragraph>
      )}
      {mayRecord && !revoked && r.files.length < FEEDBACK_MAX_FILES && (
        <div style={{ marginTop: 6 }}>
          <FeedbackUpload
            size="small"
            feedbackId={r.id}
            count={r.files.length}
            types={uploadTypes}
            onUploaded={onUploaded}
          />
        </div>
      )}
    </div>
  );
}

/** 撤销: a mistaken record is marked revoked with a reason; it stays on file. */
function RevokeModal({
  record,
  onClose,
  onRevoked,
}: {
  record: FeedbackView | null;
  onClose: () => void;
  onRevoked: () => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  /** The record last opened: still named while the dialog fades out. */
  const [shown, setShown] = useState<FeedbackView | null>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new record opens with an empty reason
  useEffect(() => {
    if (!record) return;
    setShown(record);
    form.resetFields();
    setError(null);
  }, [record?.id, form]);

  const revoke = async (reason: string) => {
    if (!record) return;
    setBusy(true);
    setError(null);
    try {
      await feedbackApi.revoke(record.id, reason);
      message.success('反馈记录已撤销');
      onClose();
      onRevoked();
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : '撤销失败，请稍后再试');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={record !== null}
      title="撤销反馈记录"
      okText="确认撤销"
      cancelText="取消"
      okButtonProps={{ danger: true }}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      forceRender
    >
      <div data-testid="feedback-revoke-dialog">
        <Typography.Paragraph>
          撤销“{shown?.summary}”。撤销后该记录仍予保留并标明已撤销，作者可以看到撤销原因。
        </Typography.Paragraph>
        {error && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={error} />}
        <Form
          name="feedback-revoke"
          form={form}
          layout="vertical"
          onFinish={(v) => void revoke(v.reason.trim())}
        >
          <Form.Item
            name="reason"
            label="撤销原因"
            validateFirst
            rules={[
              { required: true, whitespace: true, message: '请填写撤销原因' },
              zodRule(revokeInput.shape.reason),
            ]}
          >
            <Input.TextArea
              rows={3}
              maxLength={300}
              showCount
              placeholder="如：登记有误，实为综合采用"
              data-testid="feedback-revoke-reason-input"
            />
          </Form.Item>
        </Form>
      </div>
    </Modal>
  );
}
