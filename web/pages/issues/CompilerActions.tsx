import { BellOutlined, EditOutlined, UndoOutlined } from '@ant-design/icons';
import { App, Button, Form, Grid, Input, Modal } from 'antd';
import { useEffect, useState } from 'react';
import { useNotifyError } from '../../components/use-notify.ts';
import { CorrectionModal } from './CorrectionModal.tsx';
import { type IssueRecord, issueApi } from './issue-api.ts';
import { StaleNotice } from './StaleNotice.tsx';
import { isOvertaken, isStale, mayBeOvertaken, type Refresh, STALE_NOTICE } from './stale.ts';

interface Props {
  record: IssueRecord;
  onReplace: (record: IssueRecord) => void;
  onRefresh: Refresh;
}

/** The compiler's actions outside the board: 撤回 and 催办 while signing, 勘误 once issued. */
export function CompilerActions({ record, onReplace, onRefresh }: Props) {
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const wide = Grid.useBreakpoint().md ?? false;
  const { data: issue, abilities } = record;
  const [dialog, setDialog] = useState<'withdraw' | 'correct' | null>(null);
  const [busy, setBusy] = useState<'withdraw' | 'remind' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [form] = Form.useForm<{ reason: string }>();

  // The reason is emptied when the dialog opens, never after a refused submission.
  useEffect(() => {
    if (dialog === 'withdraw') form.resetFields();
  }, [dialog, form]);
  const close = () => {
    setNotice(null);
    setDialog(null);
  };

  // The one waited for does not remind himself.
  const canRemind = abilities.remind && !abilities.approve;
  if (!abilities.withdraw && !canRemind && !abilities.correct) return null;

  const withdraw = async (reason: string) => {
    setBusy('withdraw');
    try {
      const answer = await issueApi.withdraw(issue.id, { version: issue.version, reason });
      close();
      message.success('已撤回，可修改编排后重新送审');
      onReplace(answer);
    } catch (error) {
      const raced = isStale(error) || isOvertaken(error);
      if (!raced) notifyError(error);
      if (!mayBeOvertaken(error)) return;
      // A signer may have acted meanwhile: keep the reason, load the issue as it now is.
      const fresh = await onRefresh();
      if (!fresh) {
        if (raced) notifyError(error);
      } else if (fresh.abilities.withdraw) {
        if (raced) setNotice(STALE_NOTICE);
      } else {
        close();
        if (raced) message.warning('本期刚被他人处理，已载入最新状态，现已不能撤回');
      }
    } finally {
      setBusy(null);
    }
  };

  const remind = async () => {
    setBusy('remind');
    try {
      const answer = await issueApi.remind(issue.id);
      message.success(`已催办${issue.waitingFor.length ? issue.waitingFor.join('、') : ''}`);
      onReplace(answer);
    } catch (error) {
      // RATE_LIMITED: the server's words (“刚刚已催办过，请10分钟后再催办”) as they are.
      notifyError(error);
    } finally {
      setBusy(null);
    }
  };

  return (
    <div
      data-testid="compiler-actions"
      style={{ display: 'flex', flexDirection: wide ? 'row' : 'column', gap: 8, flexWrap: 'wrap' }}
    >
      {canRemind && (
        <Button
          icon={<BellOutlined />}
          loading={busy === 'remind'}
          onClick={() => void remind()}
          block={!wide}
          data-testid="issue-remind"
        >
          催办
        </Button>
      )}
      {abilities.withdraw && (
        <Button
          icon={<UndoOutlined />}
          onClick={() => setDialog('withdraw')}
          block={!wide}
          data-testid="issue-withdraw"
        >
          撤回
        </Button>
      )}
      {abilities.correct && (
        <Button
          icon={<EditOutlined />}
          onClick={() => setDialog('correct')}
          block={!wide}
          data-testid="issue-correct"
        >
          勘误
        </Button>
      )}
      <Modal
        open={dialog === 'withdraw'}
        title="撤回审签"
        okText="确认撤回"
        cancelText="取消"
        confirmLoading={busy === 'withdraw'}
        onOk={() => form.submit()}
        onCancel={close}
        destroyOnHidden
        forceRender
      >
        <StaleNotice notice={notice} />
        <Form
          name="issue-withdraw"
          form={form}
          layout="vertical"
          onFinish={(values) => void withdraw(values.reason.trim())}
        >
          <Form.Item
            name="reason"
            label="撤回原因"
            extra="撤回后本期回到编排中，正在审签的人员将收到通知；修改后须重新送审。"
            rules={[
              { required: true, whitespace: true, message: '请填写撤回原因' },
              { max: 500, message: '撤回原因最多500字' },
            ]}
          >
            <Input.TextArea rows={3} maxLength={500} showCount data-testid="issue-withdraw-reason" />
          </Form.Item>
        </Form>
      </Modal>
      {abilities.correct && (
        <CorrectionModal
          open={dialog === 'correct'}
          issue={issue}
          onRefresh={onRefresh}
          onClose={() => setDialog(null)}
          onDone={(answer) => {
            setDialog(null);
            onReplace(answer);
          }}
        />
      )}
    </div>
  );
}
