import { Typography } from 'antd';

/** The office's last reason, shown where the author looks first. */
export function ReturnReason({ reason, compact = false }: { reason: string; compact?: boolean }) {
  return (
    <div
      data-testid="return-reason"
      style={{
        background: '#fff7e6',
        border: '1px solid #ffd591',
        borderRadius: 4,
        padding: compact ? '2px 8px' : '6px 10px',
        marginTop: 6,
      }}
    >
      <Typography.Text style={{ color: '#ad4e00', fontSize: compact ? 12 : 13 }}>
        退回理由：{reason}
      </Typography.Text>
    </div>
  );
}
