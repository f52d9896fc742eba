import { App, Card, Skeleton, Switch, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { NOTIFICATION_KIND_KEYS, NOTIFICATION_KINDS, type NotificationKind } from '../../../shared/items.ts';
import { api, type DataResponse } from '../../api/client.ts';
import { useNotifyError } from '../use-notify.ts';

type Prefs = Record<NotificationKind, boolean>;

/** 消息提醒设置: one switch per kind of notification, saved as soon as it is flipped. */
export function NotificationPrefsCard() {
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const [prefs, setPrefs] = useState<Prefs | null>(null);
  const [saving, setSaving] = useState<NotificationKind | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    api
      .get<DataResponse<Prefs>>('/notification-prefs', { signal: controller.signal })
      .then((answer) => setPrefs(answer.data), notifyError);
    return () => controller.abort();
  }, [notifyError]);

  const toggle = async (kind: NotificationKind, on: boolean) => {
    if (!prefs) return;
    const next = { ...prefs, [kind]: on };
    setPrefs(next);
    setSaving(kind);
    try {
      const answer = await api.put<DataResponse<Prefs>>('/notification-prefs', next);
      setPrefs(answer.data);
      message.success(
        on ? `已开启“${NOTIFICATION_KINDS[kind]}”提醒` : `已关闭“${NOTIFICATION_KINDS[kind]}”提醒`,
      );
    } catch (error) {
      setPrefs(prefs);
      notifyError(error);
    } finally {
      setSaving(null);
    }
  };

  return (
    <Card title="消息提醒设置" data-testid="notification-prefs">
      {prefs === null ? (
        <Skeleton active paragraph={{ rows: 4 }} />
      ) : (
        NOTIFICATION_KIND_KEYS.map((kind) => (
          <div
            key={kind}
            style={{
              display: 'flex',
              alignItems: 'center',
              padding: '8px 0',
              borderBottom: '1px solid rgba(5,5,5,0.06)',
            }}
          >
            <Typography.Text style={{ flex: 1 }}>{NOTIFICATION_KINDS[kind]}</Typography.Text>
            <Switch
              checked={prefs[kind]}
              loading={saving === kind}
              onChange={(on) => void toggle(kind, on)}
              data-testid={`notification-pref-${kind}`}
            />
          </div>
        ))
      )}
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0, fontSize: 12 }}>
        关闭后不再收到该类站内提醒；办理记录仍可在信息详情中查看。
      </Typography.Paragraph>
    </Card>
  );
}
