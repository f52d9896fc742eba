import { Button, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { chineseDate } from '../../../shared/issues.ts';
import { formatDateTime } from '../../components/format.ts';
import type { SupervisionView } from '../referrals/referrals-api.ts';

export type SupervisionStep = 'remind' | 'close';

interface Props {
  supervision: SupervisionView;
  first?: boolean;
  /** In the list screen: the item's title, linking to the item. */
  showItem?: boolean;
  onStep: (step: SupervisionStep) => void;
}

/** One follow-up: the instruction, the departments responsible, the deadline, reminders and the result. */
export function SupervisionCard({ supervision: s, first = true, showItem = false, onStep }: Props) {
  return (
    <div
      data-testid="supervision"
      data-state={s.state}
      style={{ padding: '10px 0', borderTop: first ? undefined : '1px solid rgba(5,5,5,0.06)' }}
    >
      <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 4 }}>
        <Tag color={s.state === 'open' ? 'processing' : 'green'}>
          {s.state === 'open' ? '督办中' : '已办结'}
        </Tag>
        {s.overdue && (
          <Tag color="red" data-testid="supervision-overdue">
            逾期
          </Tag>
        )}
        <Typography.Text strong>{s.instruction.summary}</Typography.Text>
      </div>
      {showItem && (
        <div style={{ marginTop: 4 }}>
          <Link to={`/items/${s.item.id}`}>
            {s.item.number ? `${s.item.number}　` : ''}
            {s.item.title}
          </Link>
        </div>
      )}
      {s.instruction.text && (
        <Typography.Paragraph
          type="secondary"
          ellipsis={{ rows: 2, expandable: true, symbol: '展开' }}
          style={{ margin: '4px 0 0' }}
        >
          批示内容：{s.instruction.text}
        </Typography.Paragraph>
      )}
      <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', marginTop: 4 }}>
        督办期限{chineseDate(s.dueOn)}
        {s.units.length > 0 ? ` · 责任单位${s.units.map((u) => u.name).join('、')}` : ''}
        {s.remindCount > 0 ? ` · 已催办${s.remindCount}次（最近${formatDateTime(s.lastRemindedAt)}）` : ''}
      </Typography.Text>
      {s.note && (
        <Typography.Paragraph style={{ margin: '4px 0 0', whiteSpace: 'pre-wrap' }}>
          <Typography.Text type="secondary">督办要求：</Typography.Text>
          {s.note}
        </Typography.Paragraph>
      )}
      {s.state === 'closed' && (
        <Typography.Paragraph
          style={{ margin: '4px 0 0', whiteSpace: 'pre-wrap' }}
          data-testid="supervision-result"
        >
          <Typography.Text type="secondary">
            {s.closedOn ? chineseDate(s.closedOn) : ''}办结{s.closedBy ? `（${s.closedBy.name}）` : ''}：
          </Typography.Text>
          {s.result}
        </Typography.Paragraph>
      )}
      {(s.abilities.remind || s.abilities.close) && (
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, marginTop: 8 }}>
          {s.abilities.remind && (
            <Button size="small" onClick={() => onStep('remind')} data-testid="supervision-remind">
              催办
            </Button>
          )}
          {s.abilities.close && (
            <Button
              size="small"
              type="primary"
              onClick={() => onStep('close')}
              data-testid="supervision-close"
            >
              办结
            </Button>
          )}
        </div>
      )}
    </div>
  );
}
