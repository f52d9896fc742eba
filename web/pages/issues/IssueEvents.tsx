import { Timeline, Typography } from 'antd';
import type { IssueEventView } from './issue-api.ts';
import { listTime } from './issue-format.ts';

const COLORS: Record<string, string> = {
  退回: 'orange',
  撤回: 'orange',
  签发: 'green',
  审签同意: 'green',
  勘误: 'purple',
  删除: 'red',
};

/** 办理记录: what happened to the issue, newest first. */
export function IssueEvents({ events }: { events: readonly IssueEventView[] }) {
  if (events.length === 0)
    return (
      <div data-testid="issue-events">
        <Typography.Text type="secondary">尚无办理记录。</Typography.Text>
      </div>
    );
  const items = [...events].reverse().map((event) => ({
    key: event.id,
    color: COLORS[event.action] ?? 'blue',
    content: (
      <div data-testid="issue-event" data-action={event.action}>
        <div>
          <Typography.Text strong>{event.action}</Typography.Text>
          {event.step && <Typography.Text type="secondary">　{event.step}</Typography.Text>}
        </div>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {listTime(event.at)}　{event.actor?.name ?? '系统'}
        </Typography.Text>
        {event.reason && (
          <div style={{ marginTop: 2 }}>
            <Typography.Text
              type={event.kind === 'return' || event.kind === 'withdraw' ? 'warning' : undefined}
            >
              {event.action === '审签同意' || event.action === '签发' ? '意见' : '理由'}：{event.reason}
            </Typography.Text>
          </div>
        )}
        {event.note && (
          <div style={{ marginTop: 2 }}>
            <Typography.Text>{event.note}</Typography.Text>
          </div>
        )}
      </div>
    ),
  }));
  return (
    <div data-testid="issue-events">
      <Timeline items={items} />
    </div>
  );
}
