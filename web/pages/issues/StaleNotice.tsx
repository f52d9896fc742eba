import { Alert } from 'antd';

/** The warning a dialog shows after its submission met a newer state of the issue (see stale.ts). */
export function StaleNotice({
  notice,
  testId = 'issue-stale-notice',
}: {
  notice: string | null;
  testId?: string;
}) {
  if (!notice) return null;
  return <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={notice} data-testid={testId} />;
}
