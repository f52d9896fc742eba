import { LikeOutlined } from '@ant-design/icons';
import { Alert, App, Button, Grid } from 'antd';
import { useState } from 'react';
import { FeedbackModal } from '../item/FeedbackModal.tsx';
import { feedbackApi } from '../item/feedback-api.ts';
import type { IssueDetail } from './issue-api.ts';

/**
 * 登记整期反馈: an adoption, instruction or implementation that concerns a whole issued issue (期),
 * recorded once and so on each of its items (their authors are told).
 */
export function IssueFeedback({ issue }: { issue: IssueDetail }) {
  const { message } = App.useApp();
  const wide = Grid.useBreakpoint().md ?? false;
  const [open, setOpen] = useState(false);

  return (
    <>
      <Button
        icon={<LikeOutlined />}
        onClick={() => setOpen(true)}
        block={!wide}
        data-testid="issue-feedback"
      >
        登记整期反馈
      </Button>
      <FeedbackModal
        open={open}
        title="登记整期反馈"
        intro={
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            title={`将记入本期全部${issue.items.length}条信息，并通知各条信息的作者。`}
            description="只涉及其中个别信息的，请到该条信息页面登记。扫描件请在各条信息的“采用与批示”中上传。"
          />
        }
        earliest={issue.signedAt ? { date: issue.signedAt, what: '签发日期' } : null}
        save={async (body) => {
          const { data } = await feedbackApi.recordIssue(issue.id, body);
          message.success(`已记入本期${data.count}条信息`);
          return null;
        }}
        onClose={() => setOpen(false)}
        onSaved={() => {}}
      />
    </>
  );
}
