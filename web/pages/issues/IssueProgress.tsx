import { Empty, Steps, Tag, Typography } from 'antd';
import { SIGNOFF_STATES, STEP_MODES } from '../../../shared/issues.ts';
import type { IssueDetail, Signoff } from './issue-api.ts';
import { listTime, SIGNOFF_COLORS } from './issue-format.ts';

type StepItem = NonNullable<Parameters<typeof Steps>[0]['items']>[number];

function SignoffLine({ signoff }: { signoff: Signoff }) {
  const other = signoff.actedBy && signoff.actedBy.id !== signoff.user.id ? signoff.actedBy.name : null;
  return (
    <div data-testid="issue-signoff" data-status={signoff.status} style={{ marginTop: 4 }}>
      <Typography.Text strong>{signoff.user.name}</Typography.Text>
      {signoff.viaPost && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          （{signoff.viaPost}）
        </Typography.Text>
      )}{' '}
      {signoff.added && (
        <Tag color="purple" style={{ marginInlineEnd: 4 }}>
          加签
        </Tag>
      )}
      <Tag color={SIGNOFF_COLORS[signoff.status]} style={{ marginInlineEnd: 4 }}>
        {SIGNOFF_STATES[signoff.status]}
      </Tag>
      {signoff.actedAt && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {listTime(signoff.actedAt)}
          {other ? `（${other}办理）` : ''}
        </Typography.Text>
      )}
      {signoff.status === 'pending' && signoff.remindedAt && (
        <Typography.Text type="warning" style={{ fontSize: 12 }}>
          　已于{listTime(signoff.remindedAt)}催办
        </Typography.Text>
      )}
      {signoff.comment && (
        <div>
          <Typography.Text type={signoff.status === 'returned' ? 'warning' : undefined}>
            {signoff.status === 'returned' ? '退回理由' : '意见'}：{signoff.comment}
          </Typography.Text>
        </div>
      )}
    </div>
  );
}

/** 审签进度: the chain's steps with each signer's state, opinion and time. */
export function IssueProgress({ issue }: { issue: IssueDetail }) {
  const chain = issue.chain;
  if (!chain)
    return (
      <div data-testid="issue-progress">
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={
            issue.plannedChain ? `尚未送审。送审后将按“${issue.plannedChain}”流程审签。` : '尚未送审。'
          }
        />
      </div>
    );
  const issued = issue.status === 'issued';
  const current = issued ? chain.steps.length : (chain.currentStep ?? 0);
  const items: StepItem[] = chain.steps.map((step, i) => ({
    key: `${i}`,
    title: (
      <span>
        {step.name}
        {step.mode !== 'single' && (
          <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal' }}>
            （{STEP_MODES[step.mode]}）
          </Typography.Text>
        )}
      </span>
    ),
    content: (
      <div data-testid="issue-step" data-step={i}>
        {step.signoffs.length === 0 ? (
          <Typography.Text type="secondary">未到本环节</Typography.Text>
        ) : (
          step.signoffs.map((s) => <SignoffLine key={s.id} signoff={s} />)
        )}
      </div>
    ),
  }));
  return (
    <div data-testid="issue-progress">
      <Typography.Paragraph type="secondary">
        审签流程：{chain.name}
        {issue.status === 'compiling' ? '（已退回或撤回，重新送审时将按审签规则再次确定流程）' : ''}
      </Typography.Paragraph>
      <Steps
        orientation="vertical"
        size="small"
        current={current}
        status={issued ? 'finish' : issue.status === 'compiling' ? 'wait' : 'process'}
        items={items}
      />
    </div>
  );
}
