import { Button, Typography } from 'antd';

interface Props {
  title: string;
  detail?: string;
  actionLabel: string;
  onAction: () => void;
}

/** A plain full-page notice (kept free of heavy components: it ships with the first load). */
export function CenteredNotice({ title, detail, actionLabel, onAction }: Props) {
  return (
    <div
      style={{
        minHeight: '60vh',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        padding: 24,
      }}
    >
      <div style={{ textAlign: 'center', maxWidth: 420 }}>
        <Typography.Title level={4}>{title}</Typography.Title>
        {detail && <Typography.Paragraph type="secondary">{detail}</Typography.Paragraph>}
        <Button type="primary" onClick={onAction}>
          {actionLabel}
        </Button>
      </div>
    </div>
  );
}
