import { CheckOutlined, RollbackOutlined, SwapOutlined, UserAddOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Grid, Input, Modal, Select, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { DataResponse } from '../../api/client.ts';
import { useApiData } from '../../components/use-desk-data.ts';
import { useNotifyError } from '../../components/use-notify.ts';
import { IssueChanges } from './IssueChanges.tsx';
import {
  type IssueAbilities,
  type IssueChangeView,
  type IssueRecord,
  issueApi,
  type Signer,
} from './issue-api.ts';
import { StaleNotice } from './StaleNotice.tsx';
import { isOvertaken, isStale, mayBeOvertaken, type Refresh, STALE_NOTICE } from './stale.ts';

interface Props {
  record: IssueRecord;
  meId: number;
  /** What changed since the approver last acted on the issue, as first loaded on this page. */
  changes: readonly IssueChangeView[] | null;
  onReplace: (record: IssueRecord) => void;
  onRefresh: Refresh;
  /** After a successful action: the page records what the approver has now seen. */
  onActed: () => void;
}

type Dialog = 'approve' | 'return' | 'transfer' | 'addSigner';

/** May the caller still do what the dialog is for? */
function allows(dialog: Dialog, abilities: IssueAbilities): boolean {
  if (dialog === 'approve') return abilities.approve;
  if (dialog === 'return') return abilities.returnTo.length > 0;
  return dialog === 'transfer' ? abilities.transfer : abilities.addSigner;
}

/** The panel is shown while the caller has anything to do on the current step. */
export function signerActs(abilities: IssueAbilities): boolean {
  return abilities.approve || abilities.returnTo.length > 0 || abilities.transfer || abilities.addSigner;
}

/**
 * The approver's panel: what changed since the last look, then 同意 (签发 when the caller's
 * approval finishes the last step) with an optional comment, 退回 with a reason, 转交 and 加签.
 * A submission refused because the issue moved on keeps the dialog and what was typed, loads the
 * issue again and lets the approver confirm against the new state.
 */
export function ApprovalPanel({ record, meId, changes, onReplace, onRefresh, onActed }: Props) {
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const wide = Grid.useBreakpoint().md ?? false;
  const { data: issue, abilities } = record;
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const chain = issue.chain;
  const stepIndex = chain?.currentStep ?? null;
  const step = stepIndex !== null ? chain?.steps[stepIndex] : undefined;
  const stepName = step?.name ?? '';
  const lastStep = chain !== null && stepIndex !== null && stepIndex === chain.steps.length - 1;
  const signs = abilities.approveSigns;
  const approveLabel = signs ? '签发' : '同意';

  // Those already on this step (and the caller) cannot be transferred to or added again.
  const taken = new Set<number>([meId]);
  for (const s of step?.signoffs ?? []) {
    taken.add(s.user.id);
    if (s.actedBy) taken.add(s.actedBy.id);
  }

  const open = (next: Dialog) => {
    setNotice(null);
    setDialog(next);
  };
  const close = () => {
    setNotice(null);
    setDialog(null);
  };

  const run = async (
    kind: Dialog,
    call: () => Promise<IssueRecord>,
    done: (answer: IssueRecord) => string,
  ) => {
    setBusy(true);
    try {
      const answer = await call();
      close();
      message.success(done(answer));
      onReplace(answer);
      onActed();
    } catch (error) {
      const raced = isStale(error) || isOvertaken(error);
      // A plain refusal (a rule broken) is said as the server says it.
      if (!raced) notifyError(error);
      if (!mayBeOvertaken(error)) return;
      // Someone may have acted first: keep what was typed, load the issue as it now is.
      const fresh = await onRefresh();
      if (!fresh) {
        if (raced) notifyError(error);
      } else if (allows(kind, fresh.abilities)) {
        if (raced) setNotice(STALE_NOTICE);
      } else {
        close();
        if (raced) message.warning('本期刚被他人处理，已载入最新状态，当前无需您在本环节办理');
      }
    } finally {
      setBusy(false);
    }
  };

  const approved = (from: number | null) => (answer: IssueRecord) => {
    if (answer.data.status === 'issued') return '本期已签发';
    if (answer.data.chain?.currentStep !== from) return '已同意，转下一环节审签';
    return '已同意，等待其他审签人';
  };

  const button = { block: !wide, size: 'large' as const };

  return (
    <Card
      data-testid="approval-panel"
      styles={{ body: { padding: 16 }, header: { background: '#fff7e6' } }}
      style={{ borderColor: '#ffd591' }}
      title={
        <span>
          {abilities.approve ? '待您审签' : '本环节审签'}
          {stepName && (
            <Typography.Text type="secondary" style={{ fontWeight: 'normal', marginInlineStart: 8 }}>
              环节：{stepName}
            </Typography.Text>
          )}
        </span>
      }
    >
      {changes && changes.length > 0 && (
        <div style={{ marginBottom: 16 }}>
          <Typography.Title level={5} style={{ marginTop: 0 }}>
            自上次查看以来的变化
          </Typography.Title>
          <IssueChanges changes={changes} />
        </div>
      )}
      <Typography.Paragraph type="secondary" data-testid="approval-hint">
        {abilities.approve
          ? `请审阅“版面预览”中的本期内容后签署意见。${signs ? '您同意即为签发：本期随即编号，生成正式文件。' : ''}`
          : '您已在本环节签署同意。您在本环节的另一审签席位仍待办理，可转交他人或加签。'}
      </Typography.Paragraph>
      <div
        style={{
          display: 'flex',
          flexDirection: wide ? 'row' : 'column',
          gap: 8,
          alignItems: wide ? 'center' : 'stretch',
          flexWrap: 'wrap',
        }}
      >
        {abilities.approve && (
          <Button
            {...button}
            type="primary"
            icon={<CheckOutlined />}
            onClick={() => open('approve')}
            data-testid="issue-approve"
          >
            {approveLabel}
          </Button>
        )}
        {abilities.returnTo.length > 0 && (
          <Button
            {...button}
            danger
            icon={<RollbackOutlined />}
            onClick={() => open('return')}
            data-testid="issue-return"
          >
            退回
          </Button>
        )}
        {abilities.transfer && (
          <Button
            {...button}
            icon={<SwapOutlined />}
            onClick={() => open('transfer')}
            data-testid="issue-transfer"
          >
            转交
          </Button>
        )}
        {abilities.addSigner && (
          <Button
            {...button}
            icon={<UserAddOutlined />}
            onClick={() => open('addSigner')}
            data-testid="issue-add-signer"
          >
            加签
          </Button>
        )}
      </div>

      <ApproveModal
        open={dialog === 'approve'}
        label={approveLabel}
        signs={signs}
        lastStep={lastStep}
        notice={dialog === 'approve' ? notice : null}
        busy={busy}
        onCancel={close}
        onConfirm={(comment) =>
          void run(
            'approve',
            () => issueApi.approve(issue.id, { version: issue.version, comment }),
            approved(stepIndex),
          )
        }
      />
      <ReturnModal
        open={dialog === 'return'}
        options={abilities.returnTo.map((to) => ({
          value: to,
          label:
            to === -1 ? '退回编辑（信息处重新编排）' : `退回“${chain?.steps[to]?.name ?? `第${to + 1}环节`}”`,
        }))}
        notice={dialog === 'return' ? notice : null}
        busy={busy}
        onCancel={close}
        onConfirm={(toStep, reason) =>
          void run(
            'return',
            () => issueApi.returnTo(issue.id, { version: issue.version, toStep, reason }),
            () => '已退回',
          )
        }
      />
      <PersonModal
        open={dialog === 'transfer' || dialog === 'addSigner'}
        kind={dialog === 'addSigner' ? 'addSigner' : 'transfer'}
        orgId={issue.orgId}
        taken={taken}
        notice={dialog === 'transfer' || dialog === 'addSigner' ? notice : null}
        busy={busy}
        onCancel={close}
        onConfirm={(userId, reason) =>
          dialog === 'addSigner'
            ? void run(
                'addSigner',
                () => issueApi.addSigner(issue.id, { version: issue.version, userId, reason }),
                () => '已加签',
              )
            : void run(
                'transfer',
                () => issueApi.transfer(issue.id, { version: issue.version, userId, reason }),
                () => '已转交',
              )
        }
      />
    </Card>
  );
}

function ApproveModal({
  open,
  label,
  signs,
  lastStep,
  notice,
  busy,
  onCancel,
  onConfirm,
}: {
  open: boolean;
  label: string;
  /** The caller's approval finishes the last step: it is the sign-off. */
  signs: boolean;
  lastStep: boolean;
  notice: string | null;
  busy: boolean;
  onCancel: () => void;
  onConfirm: (comment: string) => void;
}) {
  // Emptied only when the dialog opens, never after a refused submission.
  const [comment, setComment] = useState('');
  useEffect(() => {
    if (open) setComment('');
  }, [open]);
  return (
    <Modal
      open={open}
      title={signs ? '签发本期' : '审签同意'}
      okText={`确认${label}`}
      cancelText="取消"
      confirmLoading={busy}
      onOk={() => onConfirm(comment.trim())}
      onCancel={onCancel}
      okButtonProps={{ 'aria-label': `确认${label}` }}
      destroyOnHidden
    >
      <div data-testid="issue-approve-dialog" data-signs={signs ? 'true' : 'false'}>
        <StaleNotice notice={notice} />
        {signs ? (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            title="签发后本期即编号，生成并固定正式文件，其中信息记为已编发。"
          />
        ) : (
          lastStep && (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 12 }}
              title="本环节还有其他审签人，待其全部同意后本期方可签发。"
            />
          )
        )}
        <label htmlFor="issue-approve-comment">审签意见（可不填）</label>
        <Input.TextArea
          id="issue-approve-comment"
          value={comment}
          onChange={(e) => setComment(e.target.value)}
          maxLength={500}
          showCount
          rows={3}
          placeholder={signs ? '如：同意印发。' : '如：同意，请分管领导审定。'}
          style={{ marginTop: 4 }}
          data-testid="issue-approve-comment"
        />
      </div>
    </Modal>
  );
}

function ReturnModal({
  open,
  options,
  notice,
  busy,
  onCancel,
  onConfirm,
}: {
  open: boolean;
  options: { value: number; label: string }[];
  notice: string | null;
  busy: boolean;
  onCancel: () => void;
  onConfirm: (toStep: number, reason: string) => void;
}) {
  const [form] = Form.useForm<{ toStep: number; reason: string }>();
  useEffect(() => {
    if (open) form.setFieldsValue({ toStep: -1, reason: '' });
  }, [open, form]);
  return (
    <Modal
      open={open}
      title="退回"
      okText="确认退回"
      okButtonProps={{ danger: true }}
      cancelText="取消"
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onCancel}
      destroyOnHidden
      forceRender
    >
      <StaleNotice notice={notice} />
      <Form
        name="issue-return"
        form={form}
        layout="vertical"
        onFinish={(values) => onConfirm(values.toStep, values.reason.trim())}
      >
        <Form.Item name="toStep" label="退回至" rules={[{ required: true, message: '请选择退回至哪一环节' }]}>
          <Select options={options} data-testid="issue-return-to" />
        </Form.Item>
        <Form.Item
          name="reason"
          label="退回理由"
          rules={[
            { required: true, whitespace: true, message: '请填写退回理由' },
            { max: 500, message: '退回理由最多500字' },
          ]}
        >
          <Input.TextArea rows={4} maxLength={500} showCount data-testid="issue-return-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function PersonModal({
  open,
  kind,
  orgId,
  taken,
  notice,
  busy,
  onCancel,
  onConfirm,
}: {
  open: boolean;
  kind: 'transfer' | 'addSigner';
  orgId: number;
  /** The caller and those already on the current step. */
  taken: ReadonlySet<number>;
  notice: string | null;
  busy: boolean;
  onCancel: () => void;
  onConfirm: (userId: number, reason: string) => void;
}) {
  const { data, loading } = useApiData<DataResponse<Signer[]>>(open ? issueApi.signersPath(orgId) : null);
  const [form] = Form.useForm<{ userId: number; reason: string }>();
  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);
  const transfer = kind === 'transfer';
  const options = (data?.data ?? [])
    .filter((s) => !taken.has(s.id))
    .map((s) => ({ value: s.id, label: s.onDuty ? s.name : `${s.name}（请假中）` }));
  return (
    <Modal
      open={open}
      title={transfer ? '转交他人审签' : '加签'}
      okText={transfer ? '确认转交' : '确认加签'}
      cancelText="取消"
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onCancel}
      destroyOnHidden
      forceRender
    >
      <StaleNotice notice={notice} />
      <Typography.Paragraph type="secondary">
        {transfer
          ? '转交后由所选人员代您审签本环节，您不再需要审签。'
          : '加签后所选人员也须在本环节审签同意，本环节方可办结。'}
      </Typography.Paragraph>
      <Form
        name="issue-person"
        form={form}
        layout="vertical"
        onFinish={(values) => onConfirm(values.userId, (values.reason ?? '').trim())}
      >
        <Form.Item
          name="userId"
          label={transfer ? '转交给' : '加签人'}
          rules={[{ required: true, message: transfer ? '请选择转交对象' : '请选择加签人' }]}
          extra="本环节已有的审签人不在可选之列。"
        >
          <Select
            showSearch
            optionFilterProp="label"
            loading={loading}
            options={options}
            placeholder="选择本级有审核或审定签发权限的人员"
            notFoundContent="没有可选的人员"
            data-testid="issue-person-select"
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label={transfer ? '转交原因' : '加签说明（可不填）'}
          rules={
            transfer
              ? [
                  { required: true, whitespace: true, message: '请填写转交原因' },
                  { max: 500, message: '最多500字' },
                ]
              : [{ max: 500, message: '最多500字' }]
          }
        >
          <Input.TextArea rows={3} maxLength={500} showCount data-testid="issue-person-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
