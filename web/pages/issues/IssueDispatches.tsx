import { EditOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  DatePicker,
  Form,
  Grid,
  Input,
  Modal,
  Select,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import {
  chineseDate,
  DISPATCH_CHANNEL_KEYS,
  DISPATCH_CHANNELS,
  DISPATCH_STATUS_KEYS,
  DISPATCH_STATUSES,
  type DispatchChannel,
  type DispatchStatus,
  RECIPIENT_GROUPS,
} from '../../../shared/issues.ts';
import { type DispatchView, dispatchUpdate } from '../../../shared/schemas/issues.ts';
import { refOptions, useAssignees } from '../../components/use-desk-data.ts';
import { useNotifyError } from '../../components/use-notify.ts';
import { type Dayjs, dayjs } from '../workbench/dayjs-zh.ts';
import { type IssueDetail, issueApi } from './issue-api.ts';
import { StaleNotice } from './StaleNotice.tsx';
import { isStale, type Refresh } from './stale.ts';

const STATUS_COLORS: Record<DispatchStatus, string> = { pending: 'default', sent: 'blue', received: 'green' };

interface Props {
  issue: IssueDetail;
  editable: boolean;
  meId: number;
  onChanged: () => void;
  onRefresh: Refresh;
}

function Marks({ d }: { d: DispatchView }) {
  return (
    <>
      {d.topLeader && (
        <Tag color="red" style={{ marginInlineStart: 4 }}>
          省委书记/省长
        </Tag>
      )}
      {d.upward && (
        <Tag color="blue" style={{ marginInlineStart: 4 }}>
          上级机关
        </Tag>
      )}
    </>
  );
}

/** 报送登记: one row per recipient, how and when it went out, who handled it, whether it arrived. */
export function IssueDispatches({ issue, editable, meId, onChanged, onRefresh }: Props) {
  const wide = Grid.useBreakpoint().md ?? false;
  const [editing, setEditing] = useState<DispatchView | null>(null);
  const done = issue.dispatches.filter((d) => d.status !== 'pending').length;

  const columns: TableColumnsType<DispatchView> = [
    {
      title: '类别',
      dataIndex: 'group',
      width: 56,
      render: (g: DispatchView['group']) => RECIPIENT_GROUPS[g],
    },
    {
      title: '报送对象',
      dataIndex: 'name',
      render: (_, d) => (
        <span>
          {d.name}
          <Marks d={d} />
        </span>
      ),
    },
    { title: '渠道', dataIndex: 'channel', width: 96, render: (c: DispatchChannel) => DISPATCH_CHANNELS[c] },
    {
      title: '状态',
      dataIndex: 'status',
      width: 84,
      render: (s: DispatchStatus) => <Tag color={STATUS_COLORS[s]}>{DISPATCH_STATUSES[s]}</Tag>,
    },
    {
      title: '报送日期',
      dataIndex: 'sentOn',
      width: 130,
      render: (on: string | null) => (on ? chineseDate(on) : '—'),
    },
    { title: '经办人', dataIndex: 'handler', width: 84, render: (_, d) => d.handler?.name ?? '—' },
    { title: '备注', dataIndex: 'note', render: (note: string) => note || '—' },
    ...(editable
      ? [
          {
            title: '操作',
            key: 'edit',
            width: 80,
            render: (_: unknown, d: DispatchView) => (
              <Button
                size="small"
                icon={<EditOutlined />}
                onClick={() => setEditing(d)}
                data-testid="dispatch-edit"
              >
                登记
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <div data-testid="issue-dispatches">
      <Typography.Paragraph type="secondary">
        共{issue.dispatches.length}个报送对象，已报送{done}
        个。报送上级机关登记为已报送后，其中信息记为已上报；报送省委书记、省长的，信息标注“报省委书记、省长”。
      </Typography.Paragraph>
      {wide ? (
        <Table<DispatchView>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={issue.dispatches}
          pagination={false}
          scroll={{ x: 860 }}
        />
      ) : (
        issue.dispatches.map((d) => (
          <div
            key={d.id}
            data-testid="dispatch-card"
            style={{ border: '1px solid rgba(5,5,5,0.08)', borderRadius: 8, padding: 10, marginBottom: 8 }}
          >
            <div style={{ display: 'flex', alignItems: 'center', gap: 4, flexWrap: 'wrap' }}>
              <Typography.Text strong>
                【{RECIPIENT_GROUPS[d.group]}】{d.name}
              </Typography.Text>
              <Marks d={d} />
              <span style={{ flex: 1 }} />
              <Tag color={STATUS_COLORS[d.status]} style={{ marginInlineEnd: 0 }}>
                {DISPATCH_STATUSES[d.status]}
              </Tag>
            </div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {DISPATCH_CHANNELS[d.channel]}
              {d.sentOn ? ` · ${chineseDate(d.sentOn)}` : ''}
              {d.handler ? ` · 经办人${d.handler.name}` : ''}
              {d.note ? ` · ${d.note}` : ''}
            </Typography.Text>
            {editable && (
              <Button
                block
                size="small"
                style={{ marginTop: 8 }}
                onClick={() => setEditing(d)}
                data-testid="dispatch-edit"
              >
                登记报送情况
              </Button>
            )}
          </div>
        ))
      )}
      <DispatchModal
        dispatch={editing}
        orgId={issue.orgId}
        meId={meId}
        signedOn={issue.signedAt}
        onRefresh={onRefresh}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          onChanged();
        }}
      />
    </div>
  );
}

interface Values {
  channel: DispatchChannel;
  status: DispatchStatus;
  sentOn: Dayjs | null;
  handlerId: number | null;
  note: string;
}

function DispatchModal({
  dispatch,
  orgId,
  meId,
  signedOn,
  onRefresh,
  onClose,
  onSaved,
}: {
  dispatch: DispatchView | null;
  orgId: number;
  meId: number;
  signedOn: string | null;
  onRefresh: Refresh;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  /** The record's version to save over: the one opened, or the latest after a conflict. */
  const [version, setVersion] = useState<number | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const { assignees: staff, loading } = useAssignees(dispatch ? orgId : undefined);
  const status = Form.useWatch('status', form);

  // Filled when a row is opened; a refresh of the issue behind the dialog keeps what was entered.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only opening another row refills the form
  useEffect(() => {
    if (!dispatch) return;
    setVersion(dispatch.version);
    setNotice(null);
    form.setFieldsValue({
      channel: dispatch.channel,
      status: dispatch.status,
      sentOn: dispatch.sentOn ? dayjs(dispatch.sentOn) : null,
      handlerId: dispatch.handler?.id ?? null,
      note: dispatch.note,
    });
  }, [dispatch?.id, form]);

  /** Marking a row sent fills today's date and the current user as handler, if still empty. */
  const onStatus = (next: DispatchStatus) => {
    if (next === 'pending') return;
    const values = form.getFieldsValue();
    form.setFieldsValue({
      sentOn: values.sentOn ?? dayjs(),
      handlerId: values.handlerId ?? (staff.some((s) => s.id === meId) ? meId : null),
    });
  };

  const submit = async (values: Values) => {
    if (!dispatch) return;
    const day = values.status === 'pending' ? null : values.sentOn;
    const dateError = !day
      ? null
      : day.isAfter(dayjs().endOf('day'))
        ? '报送日期不能晚于今天'
        : signedOn && day.isBefore(dayjs(signedOn).startOf('day'))
          ? '报送日期不能早于签发日期'
          : null;
    if (dateError) {
      form.setFields([{ name: 'sentOn', errors: [dateError] }]);
      return;
    }
    const parsed = dispatchUpdate.safeParse({
      version: version ?? dispatch.version,
      channel: values.channel,
      status: values.status,
      sentOn: values.status === 'pending' ? null : (values.sentOn?.format('YYYY-MM-DD') ?? null),
      handlerId: values.handlerId ?? null,
      note: values.note ?? '',
    });
    if (!parsed.success) {
      form.setFields(
        parsed.error.issues.map((issue) => ({
          name: (issue.path[0] === 'sentOn' || issue.path[0] === 'handlerId'
            ? issue.path[0]
            : 'note') as keyof Values,
          errors: [issue.message],
        })),
      );
      return;
    }
    setSaving(true);
    try {
      await issueApi.dispatch(dispatch.id, parsed.data);
      message.success('报送情况已登记');
      onSaved();
    } catch (error) {
      if (!isStale(error)) {
        notifyError(error);
        return;
      }
      // Someone registered this row meanwhile: take its new version, keep what was entered here.
      const fresh = await onRefresh();
      const latest = fresh?.data.dispatches.find((d) => d.id === dispatch.id);
      if (!latest) {
        notifyError(error);
        return;
      }
      setVersion(latest.version);
      setNotice(
        `该报送记录刚被他人修改（现为${DISPATCH_STATUSES[latest.status]}${latest.sentOn ? `，${chineseDate(latest.sentOn)}` : ''}${latest.handler ? `，经办人${latest.handler.name}` : ''}），已载入最新状态。您填写的内容仍保留，请核对后再保存。`,
      );
    } finally {
      setSaving(false);
    }
  };

  const handlerOptions = refOptions(staff);
  const signedDay = signedOn ? dayjs(signedOn).startOf('day') : null;
  const today = dayjs().endOf('day');

  return (
    <Modal
      open={dispatch !== null}
      title={dispatch ? `登记报送：${dispatch.name}` : '登记报送'}
      okText="保存"
      cancelText="取消"
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      forceRender
    >
      <StaleNotice notice={notice} testId="dispatch-stale-notice" />
      <Form name="issue-dispatch" form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item name="channel" label="报送渠道" rules={[{ required: true, message: '请选择报送渠道' }]}>
          <Select options={DISPATCH_CHANNEL_KEYS.map((c) => ({ value: c, label: DISPATCH_CHANNELS[c] }))} />
        </Form.Item>
        <Form.Item name="status" label="报送状态" rules={[{ required: true, message: '请选择报送状态' }]}>
          <Select
            options={DISPATCH_STATUS_KEYS.map((s) => ({ value: s, label: DISPATCH_STATUSES[s] }))}
            onChange={onStatus}
            data-testid="dispatch-status"
          />
        </Form.Item>
        <Form.Item
          name="sentOn"
          label="报送日期"
          hidden={status === 'pending'}
          extra="不早于签发日期，不晚于今天"
        >
          <DatePicker
            style={{ width: '100%' }}
            format="YYYY年M月D日"
            disabledDate={(d) => d.isAfter(today) || (signedDay ? d.isBefore(signedDay) : false)}
            placeholder="选择日期"
          />
        </Form.Item>
        <Form.Item name="handlerId" label="经办人" hidden={status === 'pending'}>
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            loading={loading}
            options={
              handlerOptions.length === 0 && dispatch?.handler
                ? [{ value: dispatch.handler.id, label: dispatch.handler.name }]
                : handlerOptions
            }
            placeholder="选择信息处工作人员"
            data-testid="dispatch-handler"
          />
        </Form.Item>
        <Form.Item name="note" label="备注" rules={[{ max: 200, message: '备注最多200字' }]}>
          <Input maxLength={200} placeholder="如：机要号、签收人" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
