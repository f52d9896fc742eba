import { App, Button, Card, Empty, Form, Input, Modal, Popconfirm, Segmented, Skeleton, Space } from 'antd';
import { useState } from 'react';
import { disputeInput, type RecordView } from '../../../shared/schemas/performance.ts';
import { api } from '../../api/client.ts';
import { beijingToday } from '../../components/format.ts';
import { PageCard } from '../../components/PageCard.tsx';
import { useApiData } from '../../components/use-desk-data.ts';
import { useNotifyError } from '../../components/use-notify.ts';
import { zodRule } from '../../components/zod-rule.ts';
import { DisputeButton, RecordPanel } from './RecordPanel.tsx';

interface Target {
  orgId: number;
  year: number;
  itemId: number | null;
  title: string;
}

/** A member's own record (我的履职), this year or last, with disputes (申诉). */
export function MyPerformancePage() {
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const thisYear = beijingToday().year;
  const [year, setYear] = useState(thisYear);
  const list = useApiData<{ data: RecordView[]; year: number }>(`/performance/mine?year=${year}`);
  const [form] = Form.useForm<{ reason: string }>();
  const [target, setTarget] = useState<Target | null>(null);
  // The reason typed for one entry stays while its dialog is retried, not into another entry's.
  const [lastTarget, setLastTarget] = useState<string>('');
  const openDispute = (next: Target) => {
    const key = `${next.orgId}:${next.year}:${next.itemId}`;
    if (key !== lastTarget) form.resetFields();
    setLastTarget(key);
    setTarget(next);
  };
  const [saving, setSaving] = useState(false);
  const mayDispute = year >= thisYear - 1;

  const submit = async () => {
    const { reason } = await form.validateFields();
    if (!target) return;
    setSaving(true);
    try {
      await api.post('/performance/disputes', {
        orgId: target.orgId,
        year: target.year,
        itemId: target.itemId,
        reason,
      });
      message.success('申诉已提交，信息处处理后会通知您');
      setTarget(null);
      form.resetFields();
      list.reload();
    } catch (error) {
      // The dialog stays open with what was typed.
      notifyError(error);
    } finally {
      setSaving(false);
    }
  };

  const withdraw = async (id: number) => {
    try {
      await api.post(`/performance/disputes/${id}/withdraw`);
      message.success('申诉已撤回');
      list.reload();
    } catch (error) {
      notifyError(error);
    }
  };

  return (
    <PageCard title="我的履职">
      <Segmented
        style={{ marginBottom: 12 }}
        value={year}
        onChange={(v) => setYear(Number(v))}
        options={[thisYear, thisYear - 1, thisYear - 2].map((y) => ({ value: y, label: `${y}年度` }))}
        data-testid="performance-year"
      />
      {list.loading && !list.data ? (
        <Skeleton active />
      ) : (list.data?.data.length ?? 0) === 0 ? (
        <Empty description="暂无履职记录" />
      ) : (
        list.data?.data.map((record) => (
          <Card
            key={record.orgId}
            size="small"
            title={`${record.orgName}·${record.year}年度社情民意信息履职记录`}
            style={{ marginBottom: 12 }}
            extra={
              mayDispute && (
                <DisputeButton
                  label="其他申诉"
                  onClick={() =>
                    openDispute({ orgId: record.orgId, year: record.year, itemId: null, title: '' })
                  }
                />
              )
            }
          >
            <RecordPanel
              record={record}
              entryAction={
                mayDispute
                  ? (e) => (
                      <DisputeButton
                        onClick={() =>
                          openDispute({
                            orgId: record.orgId,
                            year: record.year,
                            itemId: e.itemId,
                            title: e.title,
                          })
                        }
                      />
                    )
                  : undefined
              }
              disputeAction={(d) =>
                d.state === 'open' && (
                  <Popconfirm title="撤回这条申诉？" onConfirm={() => withdraw(d.id)}>
                    <Button size="small" data-testid="dispute-withdraw">
                      撤回
                    </Button>
                  </Popconfirm>
                )
              }
            />
          </Card>
        ))
      )}
      <Modal
        open={target !== null}
        title={target?.title ? `对《${target.title}》的计分提出申诉` : '对履职记录提出申诉'}
        onCancel={() => setTarget(null)}
        onOk={submit}
        okText="提交申诉"
        confirmLoading={saving}
        forceRender
        okButtonProps={{ 'data-testid': 'dispute-submit' } as Record<string, string>}
      >
        <Space direction="vertical" style={{ width: '100%' }}>
          <span>请写明哪一项有误、应当如何计分及依据（如采用通知、批示件），信息处核实后答复。</span>
          <Form form={form} layout="vertical">
            <Form.Item name="reason" label="申诉理由" rules={[zodRule(disputeInput.shape.reason)]}>
              <Input.TextArea rows={4} maxLength={500} showCount data-testid="dispute-reason" />
            </Form.Item>
          </Form>
        </Space>
      </Modal>
    </PageCard>
  );
}
