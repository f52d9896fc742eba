import { PaperClipOutlined } from '@ant-design/icons';
import { Button, Tag, Typography } from 'antd';
import { chineseDate } from '../../../shared/issues.ts';
import { REFERRAL_STATES, REPLY_RATINGS, type ReferralState } from '../../../shared/referrals.ts';
import { formatDateTime } from '../../components/format.ts';
import { formatSize } from '../item/item-labels.ts';
import { ReplyUpload } from './ReplyUpload.tsx';
import type { ReferralView, ReplyView } from './referrals-api.ts';

export type ReferralStep = 'sign' | 'reply' | 'review' | 'revoke';

const STATE_COLORS: Record<ReferralState, string> = {
  sent: 'gold',
  signed: 'processing',
  replied: 'cyan',
  closed: 'green',
  revoked: 'default',
};

export function ReferralStateTag({ r }: { r: Pick<ReferralView, 'state' | 'overdue'> }) {
  return (
    <>
      <Tag color={STATE_COLORS[r.state]} data-testid="referral-state">
        {REFERRAL_STATES[r.state]}
      </Tag>
      {r.overdue && (
        <Tag color="red" data-testid="referral-overdue">
          逾期
        </Tag>
      )}
    </>
  );
}

interface Props {
  referral: ReferralView;
  first?: boolean;
  /** Show the item's title (in lists of several items). */
  showItem?: boolean;
  onStep: (step: ReferralStep) => void;
  onUploaded: () => void;
}

/** One referral: to whom, by when, signed by whom, each reply with its review; the actions allowed. */
export function ReferralCard({ referral: r, first = true, showItem = false, onStep, onUploaded }: Props) {
  const a = r.abilities;
  const by = a.proxy ? '（代为登记）' : '';
  const steps: [ReferralStep, string, boolean][] = [
    ['sign', `签收${by}`, a.sign],
    ['reply', `办复${by}`, a.reply],
    ['review', '评价办复', a.review],
  ];
  const latest = r.replies.at(-1);
  return (
    <div
      data-testid="referral"
      data-referral-id={r.id}
      data-state={r.state}
      style={{
        padding: '10px 0',
        borderTop: first ? undefined : '1px solid rgba(5,5,5,0.06)',
        opacity: r.state === 'revoked' ? 0.7 : 1,
      }}
    >
      <div style={{ display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: 4 }}>
        <ReferralStateTag r={r} />
        <Typography.Text strong delete={r.state === 'revoked'} data-testid="referral-org">
          {r.org.name}
        </Typography.Text>
        {!r.online && r.state !== 'revoked' && <Tag>未开通账号</Tag>}
      </div>
      {showItem && (
        <Typography.Paragraph
          style={{ margin: '4px 0 0' }}
          ellipsis={{ rows: 2 }}
          data-testid="referral-item"
        >
          {r.item.number ? `${r.item.number}　` : ''}
          {r.item.title}
        </Typography.Paragraph>
      )}
      <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', marginTop: 4 }}>
        {r.desk.name}于{chineseDate(r.sentOn)}交办，限{r.deadlineDays}个工作日，
        <span data-testid="referral-due">{chineseDate(r.dueOn)}</span>前办复
      </Typography.Text>
      {r.note && (
        <Typography.Paragraph style={{ margin: '4px 0 0', whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
          <Typography.Text type="secondary">交办意见：</Typography.Text>
          {r.note}
        </Typography.Paragraph>
      )}
      {r.signed && (
        <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', marginTop: 4 }}>
          {chineseDate(r.signed.on)}签收，签收人{r.signed.signerName}
          {r.signed.proxy ? `（${r.signed.by.name}代为登记）` : ''}
        </Typography.Text>
      )}
      {r.replies.map((p, i) => (
        <Reply key={p.id} referralId={r.id} reply={p} round={r.replies.length > 1 ? i + 1 : null} />
      ))}
      {a.upload && latest && (
        <div style={{ marginTop: 6 }}>
          <ReplyUpload referralId={r.id} count={latest.files.length} onUploaded={onUploaded} />
        </div>
      )}
      {r.revoked && (
        <Typography.Paragraph type="danger" style={{ margin: '6px 0 0', fontSize: 13 }}>
          撤销原因：{r.revoked.reason}（{r.revoked.by.name}，{formatDateTime(r.revoked.at)}）
        </Typography.Paragraph>
      )}
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, marginTop: 8 }}>
        {steps
          .filter(([, , allowed]) => allowed)
          .map(([step, label]) => (
            <Button
              key={step}
              size="small"
              type="primary"
              onClick={() => onStep(step)}
              data-testid={`referral-${step}`}
            >
              {label}
            </Button>
          ))}
        {a.revoke && (
          <Button size="small" danger onClick={() => onStep('revoke')} data-testid="referral-revoke">
            撤销交办
          </Button>
        )}
      </div>
    </div>
  );
}

function Reply({
  referralId,
  reply: p,
  round,
}: {
  referralId: number;
  reply: ReplyView;
  round: number | null;
}) {
  return (
    <div
      data-testid="referral-reply"
      style={{ marginTop: 8, padding: '8px 10px', background: 'rgba(0,0,0,0.02)', borderRadius: 6 }}
    >
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {round ? `第${round}次办复 · ` : '办复 · '}
        {chineseDate(p.repliedOn)}
        {p.proxy ? ` · ${p.recordedBy.name}代为登记` : ` · ${p.recordedBy.name}`}
      </Typography.Text>
      <Typography.Paragraph
        style={{ margin: '4px 0 0', whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}
        data-testid="referral-reply-text"
      >
        {p.text}
      </Typography.Paragraph>
      {p.files.map((f) => (
        <div key={f.id} style={{ display: 'flex', alignItems: 'center', gap: 6, flexWrap: 'wrap' }}>
          <PaperClipOutlined />
          <Typography.Link href={`/api/referrals/${referralId}/files/${f.id}`} download={f.fileName}>
            {f.fileName}
          </Typography.Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {formatSize(f.size)}
          </Typography.Text>
        </div>
      ))}
      {p.review && (
        <div style={{ marginTop: 4 }} data-testid="referral-review">
          <Tag color={p.review.rating === 'unsatisfied' ? 'red' : 'green'}>
            {REPLY_RATINGS[p.review.rating]}
          </Tag>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {p.review.by.name}评价{p.review.note ? `：${p.review.note}` : ''}
          </Typography.Text>
        </div>
      )}
    </div>
  );
}
