import { Alert, App, Button, Card, Form, Input, Popconfirm, Space, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router';
import type { ItemDetail } from '../../../shared/schemas/items.ts';
import { DISCLOSURE_STATUSES } from '../../../shared/schemas/portal.ts';
import { ApiError } from '../../api/client.ts';
import { useMe } from '../../api/session.ts';
import { formatDateTime } from '../../components/format.ts';
import { disclosureApi, type ItemDisclosure } from '../disclosures/disclosures-api.ts';
import { ReasonDialog } from '../disclosures/ReasonDialog.tsx';

/** States of an item that went out in an issue: only then is disclosure a question. */
const OUT_STATES: readonly string[] = ['published', 'forwarded', 'archived'];

type Load =
  | { state: 'loading' }
  | { state: 'hidden' }
  | { state: 'failed'; message: string }
  | { state: 'ready'; answer: ItemDisclosure };
type Draft = { title: string; text: string };

/**
 * 信息公开 on the item page, for the receiving office only: an editor prepares the public version
 * from the item's text (removing names, phone numbers, internal remarks), the director approves it
 * — as shown, edits included — or withdraws it with a reason. Hidden from everyone else.
 */
export function ItemDisclosureCard({ item, onChanged }: { item: ItemDetail; onChanged: () => void }) {
  const { message } = App.useApp();
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [form] = Form.useForm<Draft>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [withdrawing, setWithdrawing] = useState(false);
  // Only the office prepares or approves public versions: nobody else asks (and is refused).
  const office = useMe().permissions.some((p) => p === 'item.edit' || p === 'item.disclose');
  const out = office && OUT_STATES.includes(item.status);

  const show = useCallback(
    (answer: ItemDisclosure) => {
      setLoad({ state: 'ready', answer });
      const start = answer.data.current ?? answer.data.proposal;
      form.setFieldsValue({ title: start.title, text: start.text });
    },
    [form],
  );

  useEffect(() => {
    if (!out) return;
    const controller = new AbortController();
    disclosureApi.ofItem(item.id, controller.signal).then(show, (failure: unknown) => {
      if (controller.signal.aborted) return;
      if (failure instanceof ApiError && (failure.status === 403 || failure.status === 404))
        setLoad({ state: 'hidden' });
      else
        setLoad({
          state: 'failed',
          message: failure instanceof ApiError ? failure.message : '加载失败，请稍后再试',
        });
    });
    return () => controller.abort();
  }, [item.id, out, show]);

  if (!out || load.state === 'hidden' || load.state === 'loading') return null;
  if (load.state === 'failed')
    return <Alert type="warning" showIcon style={{ marginTop: 16 }} title={load.message} />;
  const { data, abilities } = load.answer;
  const current = data.current;
  const disclosed = current?.status === 'disclosed';

  const run = async (step: 'prepare' | 'approve') => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    setBusy(true);
    setError(null);
    try {
      const body = {
        title: values.title.trim(),
        text: values.text.trim(),
        version: current?.version ?? null,
      };
      show(
        step === 'prepare'
          ? await disclosureApi.prepare(item.id, body)
          : await disclosureApi.approve(item.id, body),
      );
      message.success(step === 'prepare' ? '公开文本已保存，待处长批准' : '已批准公开，门户即时可见');
      if (step === 'approve') onChanged();
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : '操作失败，请稍后再试');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card
      title="信息公开"
      extra={
        <Tag color={disclosed ? 'green' : current ? 'gold' : 'default'} data-testid="disclosure-status">
          {current ? DISCLOSURE_STATUSES[current.status] : '未公开'}
        </Tag>
      }
      style={{ marginTop: 16 }}
      styles={{ body: { padding: 16 } }}
      data-testid="item-disclosure"
    >
      {!data.consent && <Alert type="info" showIcon title="作者报送时未同意公开该信息，不能向社会公开。" />}
      {data.consent && !data.issued && (
        <Alert type="info" showIcon title="该信息尚未在已签发的刊物中编发，不能向社会公开。" />
      )}
      {error && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title={error}
          data-testid="disclosure-error"
        />
      )}
      {disclosed && current && (
        <div data-testid="disclosure-current">
          <Typography.Text strong>{current.title}</Typography.Text>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: '8px 0' }}>
            {current.text}
          </Typography.Paragraph>
          <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
            {current.approvedBy?.name}于{current.approvedAt ? formatDateTime(current.approvedAt) : ''}批准公开
            {current.preparedBy.id !== current.approvedBy?.id ? `（${current.preparedBy.name}拟定）` : ''}
          </Typography.Text>
          <Space style={{ marginTop: 8 }} wrap>
            <Link to={`/portal/items/${current.id}`} target="_blank" data-testid="disclosure-portal-link">
              在门户查看
            </Link>
          </Space>
        </div>
      )}
      {!disclosed && (abilities.prepare || abilities.approve) && (
        <Form form={form} layout="vertical" disabled={busy}>
          {current && (
            <Typography.Paragraph
              type="secondary"
              style={{ fontSize: 12 }}
              data-testid="disclosure-draft-note"
            >
              {current.preparedBy.name}于{formatDateTime(current.preparedAt)}拟定，待处长批准。
            </Typography.Paragraph>
          )}
          <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
            公开文本由本信息的现行文本生成，请删除作者姓名、电话号码、内部意见等不宜公开的内容；批准后门户即时可见。
          </Typography.Paragraph>
          <Form.Item
            name="title"
            label="公开标题"
            rules={[
              { required: true, whitespace: true, message: '请填写公开标题' },
              { max: 100, message: '公开标题最多100字' },
            ]}
          >
            <Input maxLength={100} data-testid="disclosure-title" />
          </Form.Item>
          <Form.Item
            name="text"
            label="公开文本（每段一行）"
            rules={[
              { required: true, whitespace: true, message: '请填写公开文本' },
              { max: 20000, message: '公开文本最多20000字' },
            ]}
          >
            <Input.TextArea autoSize={{ minRows: 4, maxRows: 16 }} data-testid="disclosure-text" />
          </Form.Item>
          <Space wrap>
            {abilities.prepare && (
              <Button onClick={() => void run('prepare')} loading={busy} data-testid="disclosure-prepare">
                保存待批准
              </Button>
            )}
            {abilities.approve && (
              <Popconfirm
                title="按上面的标题和文本在门户公开？"
                okText="批准公开"
                cancelText="取消"
                onConfirm={() => run('approve')}
              >
                <Button type="primary" loading={busy} data-testid="disclosure-approve">
                  批准公开
                </Button>
              </Popconfirm>
            )}
          </Space>
        </Form>
      )}
      {abilities.withdraw && current && (
        <Button
          danger
          style={{ marginTop: 12 }}
          onClick={() => setWithdrawing(true)}
          data-testid="disclosure-withdraw"
        >
          {disclosed ? '撤销公开' : '撤销待批准文本'}
        </Button>
      )}
      {data.history.length > 0 && (
        <div style={{ marginTop: 12 }} data-testid="disclosure-history">
          {data.history.map((h) => (
            <Typography.Paragraph key={h.id} type="secondary" style={{ fontSize: 12, margin: '4px 0 0' }}>
              <Typography.Text delete type="secondary">
                {h.title}
              </Typography.Text>
              　
              {h.withdrawn
                ? `${h.withdrawn.by.name}于${formatDateTime(h.withdrawn.at)}撤销：${h.withdrawn.reason}`
                : ''}
            </Typography.Paragraph>
          ))}
        </div>
      )}
      <ReasonDialog
        open={withdrawing}
        title={disclosed ? '撤销公开' : '撤销待批准文本'}
        explanation={
          disclosed
            ? '撤销后该信息立即从公开门户撤下；公开记录予以保留，并记入办理记录。'
            : '撤销后待批准的公开文本不再使用，记录予以保留。'
        }
        okText="确认撤销"
        testId="disclosure-withdraw-dialog"
        onClose={() => setWithdrawing(false)}
        onConfirm={async (reason) => {
          show(await disclosureApi.withdraw(item.id, { reason, version: current?.version ?? 0 }));
          message.success('已撤销');
          onChanged();
        }}
      />
    </Card>
  );
}
