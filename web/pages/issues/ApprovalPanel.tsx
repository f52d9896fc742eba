import { CheckOutlined, RollbackOutlined, SwapOutlined, UserAddOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Grid, Input, Modal, Select, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { DataResponse } from '../../api/client.ts';
import { ApiError } from '../../api/client.ts';
import { useApiData } from '../../components/use-desk-data.ts';
import { useNotifyError } from '../../components/use-notify.ts';
import { IssueChanges } from './IssueChanges.tsx';
import { type IssueRecord, issueApi, type Signer } from './issue-api.ts';

interface Props {
  record: IssueRecord;
  meId: number;
  onReplace: (record: IssueRecord) => void;
  onReload: () => void;
}

type Dialog = 'approve' | 'return' | 'transfer' | 'addSigner' | null;

/**
 * The approver's panel: what changed since the last look, then 同意 (签发 on the last step)
 * with an optional comment, 退回 with a reason, 转交 and 加签.
 */
export function ApprovalPanel({ record, meId, onReplace, onReload }: Props) {
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const wide = Grid.useBreakpoint().md ?? false;
  const { data: issue, abilities } = record;
  const [dialog, setDialog] = useState<Dialog>(null);
  const [busy, setBusy] = useState(false);
  const chain = issue.chain;
  const stepIndex = chain?.currentStep ?? null;
  const stepName = stepIndex !== null ? (chain?.steps[stepIndex]?.name ?? '') : '';
  const last = chain !== null && stepIndex !== null && stepIndex === chain.steps.length - 1;
  const approveLabel = last ? '签发' : '同意';

  const run = async (call: () => Promise<IssueRecord>, done: string) => {
    setBusy(true);
    try {
      const answer = await call();
      setDialog(null);
      message.success(done);
      onReplace(answer);
    } catch (error) {
      notifyError(error);
      if (
        error instanceof ApiError &&
        (error.code === 'ISSUE_STALE' ||
          error.code === 'ISSUE_NOT_YOUR_TURN' ||
          error.code === 'ISSUE_LOCKED')
      ) {
        setDialog(null);
        onReload();
      }
    } finally {
      setBusy(false);
    }
  };

  const button = { block: !wide, size: 'large' as const };

  return (
    <Card
      data-testid="approval-panel"
      styles={{ body: { padding: 16 }, header: { background: '#fff7e6' } }}
      style={{ borderColor: '#ffd591' }}
      title={
        <span>
          待您审签
          {stepName && (
            <Typography.Text type="secondary" style={{ fontWeight: 'normal', marginInlineStart: 8 }}>
              环节：{stepName}
            </Typography.Text>
          )}
        </span>
      }
    >
      {issue.changes && issue.changes.length > 0 ? (
        <div style={{ marginBottom: 16 }}>
          <Typography.Title level={5} style={{ marginTop: 0 }}>
            自上次查看以来的变化
          </Typography.Title>
          <IssueChanges changes={issue.changes} />
        </div>
      ) : (
        <Typography.Paragraph type="secondary">
          请审阅“版面预览”中的本期内容后签署意见。{last ? '签发后本期编号，生成正式文件。' : ''}
        </Typography.Paragraph>
      )}
      <div
        style={{
          display: 'flex',
          flexDirection: wide ? 'row' : 'column',
          gap: 8,
          alignItems: wide ? 'center' : 'stretch',
          flexWrap: 'wrap',
        }}
      >
        <Button
          {...button}
          type="primary"
          icon={<CheckOutlined />}
          onClick={() => setDialog('approve')}
          data-testid="issue-approve"
        >
          {approveLabel}
        </Button>
        {abilities.returnTo.length > 0 && (
          <Button
            {...button}
            danger
            icon={<RollbackOutlined />}
            onClick={() => setDialog('return')}
            data-testid="issue-return"
          >
            退回
          </Button>
        )}
        {abilities.transfer && (
          <Button
            {...button}
            icon={<SwapOutlined />}
            onClick={() => setDialog('transfer')}
            data-testid="issue-transfer"
          >
            转交
          </Button>
        )}
        {abilities.addSigner && (
          <Button
            {...button}
            icon={<UserAddOutlined />}
            onClick={() => setDialog('addSigner')}
            data-testid="issue-add-signer"
          >
            加签
          </Button>
        )}
      </div>

      <ApproveModal
        open={dialog === 'approve'}
        label={approveLabel}
        last={last}
        busy={busy}
        onCancel={() => setDialog(null)}
        onConfirm={(comment) =>
          void run(
            () => issueApi.approve(issue.id, { version: issue.version, comment }),
            last ? '本期已签发' : '已同意，转下一环节审签',
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
        busy={busy}
        onCancel={() => setDialog(null)}
        onConfirm={(toStep, reason) =>
          void run(() => issueApi.returnTo(issue.id, { version: issue.version, toStep, reason }), '已退回')
        }
      />
      <PersonModal
        open={dialog === 'transfer' || dialog === 'addSigner'}
        kind={dialog === 'addSigner' ? 'addSigner' : 'transfer'}
        orgId={issue.orgId}
        meId={meId}
        busy={busy}
        onCancel={() => setDialog(null)}
        onConfirm={(userId, reason) =>
          void run(
            () =>
              dialog === 'addSigner'
                ? issueApi.addSigner(issue.id, { version: issue.version, userId, reason })
                : issueApi.transfer(issue.id, { version: issue.version, userId, reason }),
            dialog === 'addSigner' ? '已加签' : '已转交',
          )
        }
      />
    </Card>
  );
}

function ApproveModal({
  open,
  label,
  last,
  busy,
  onCancel,
  onConfirm,
}: {
  open: boolean;
  label: string;
  last: boolean;
  busy: boolean;
  onCancel: () => void;
  onConfirm: (comment: string) => void;
}) {
  const [comment, setComment] = useState('');
  useEffect(() => {
    if (open) setComment('');
  }, [open]);
  return (
    <Modal
      open={open}
      title={last ? '签发本期' : '审签同意'}
      okText={`确认${label}`}
      cancelText="取消"
      confirmLoading={busy}
      onOk={() => onConfirm(comment.trim())}
      onCancel={onCancel}
      okButtonProps={{ 'aria-label': `确认${label}` }}
      destroyOnHidden
    >
      <div data-testid="issue-approve-dialog">
        {last && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            title="签发后本期即编号，生成并固定正式文件，其中信息记为已编发。"
          />
        )}
        <Typography.Text>审签意见（可不填）</Typography.Text>
        <Input.TextArea
          value={comment}
          onChange={(e) => setComment(e.target.value)}
          maxLength={500}
          showCount
          rows={3}
          placeholder={last ? '如：同意印发。' : '如：同意，请分管领导审定。'}
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
  busy,
  onCancel,
  onConfirm,
}: {
  open: boolean;
  options: { value: number; label: string }[];
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
  meId,
  busy,
  onCancel,
  onConfirm,
}: {
  open: boolean;
  kind: 'transfer' | 'addSigner';
  orgId: number;
  meId: number;
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
    .filter((s) => s.id !== meId)
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
        >
          <Select
            showSearch
            optionFilterProp="label"
            loading={loading}
            options={options}
            placeholder="选择本级有审核或审定签发权限的人员"
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
