import { Timeline, Typography } from 'antd';
import type { ItemEvent } from '../../../shared/schemas/items.ts';
import { ITEM_ACTIONS, ITEM_STATES } from '../../../shared/workflow/items.ts';
import { formatDateTime } from '../../components/format.ts';

const COLORS: Partial<Record<ItemEvent['action'], string>> = {
  return: 'orange',
  reject: 'red',
  deselect: 'orange',
  select: 'green',
  publish: 'green',
  forward: 'green',
};

/** Every step the item took, newest first: who, when, what, and why. */
export function ItemTimeline({ events }: { events: readonly ItemEvent[] }) {
  if (events.length === 0)
    return (
      <div data-testid="item-timeline">
        <Typography.Text type="secondary">尚无办理记录。</Typography.Text>
      </div>
    );
  const items = [...events].reverse().map((event) => ({
    key: event.id,
    color: COLORS[event.action] ?? 'blue',
    content: (
      <div data-testid="item-event" data-action={event.action}>
        <div>
          <Typography.Text strong>{ITEM_ACTIONS[event.action].label}</Typography.Text>
          {event.fromState !== event.toState && (
            <Typography.Text type="secondary">　→ {ITEM_STATES[event.toState]}</Typography.Text>
          )}
        </div>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {formatDateTime(event.createdAt)}　{event.actorName || '系统'}
        </Typography.Text>
        {event.reason && (ITEM_ACTIONS[event.action].reason || event.action === 'feedback') && (
          <div style={{ marginTop: 4 }} data-testid="item-event-reason">
            <Typography.Text type={event.action === 'reject' ? 'danger' : 'warning'}>
              理由：{event.reason}
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
    <div data-testid="item-timeline">
      <Timeline items={items} />
    </div>
  );
}
