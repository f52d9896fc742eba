import {
  Alert,
  App,
  Button,
  Checkbox,
  Col,
  Form,
  InputNumber,
  Radio,
  Row,
  Skeleton,
  Switch,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { ITEM_STREAMS } from '../../../shared/items.ts';
import { COAUTHOR_POLICIES, type PerformanceScheme } from '../../../shared/performance.ts';
import type { SchemeView } from '../../../shared/schemas/performance.ts';
import { api, toQuery } from '../../api/client.ts';
import { useApiData } from '../../components/use-desk-data.ts';
import { useNotifyError } from '../../components/use-notify.ts';
import { schemeText } from './RecordPanel.tsx';

type Values = PerformanceScheme & { capped: boolean };

const POINT_FIELDS = [
  ['submitted', '报送'],
  ['used', '编用'],
  ['adopted', '上级采用加分'],
  ['instructed', '领导批示加分'],
] as const;

/** The year's scheme: read by all who see the page, set by the director for this year or later. */
export function SchemeCard({ orgId, year, editable }: { orgId: number; year: number; editable: boolean }) {
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const data = useApiData<{ data: SchemeView }>(`/performance/scheme${toQuery({ orgId, year })}`);
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const capped = Form.useWatch('capped', form);
  const view = data.data?.data;

  useEffect(() => {
    if (view) form.setFieldsValue({ ...view.scheme, capped: view.scheme.capPerItem !== null });
  }, [view, form]);

  if (!view)
    return data.failed ? (
      <Alert type="error" showIcon title="计分办法加载失败，请刷新后重试" />
    ) : (
      <Skeleton active />
    );
  const save = async () => {
    const { capped: on, ...v } = await form.validateFields();
    setSaving(true);
    try {
      await api.put('/performance/scheme', {
        orgId,
        year,
        scheme: { ...view.scheme, ...v, capPerItem: on ? (v.capPerItem ?? null) : null },
      });
      message.success(`${year}年度委员履职计分办法已保存`);
      data.reload();
    } catch (error) {
      notifyError(error);
    } finally {
      setSaving(false);
    }
  };
  return (
    <div data-testid="performance-scheme">
      <Typography.Paragraph>
        {year}年度：{schemeText(view.scheme)}
        <Typography.Text type="secondary">
          {view.isDefault ? '（系统默认办法）' : `（${view.updatedBy}设置）`}
        </Typography.Text>
      </Typography.Paragraph>
      {editable && (
        <Form form={form} layout="vertical" style={{ maxWidth: 720 }}>
          <Form.Item
            name="streams"
            label="计分的信息类别"
            rules={[{ required: true, message: '请至少选择一类信息' }]}
          >
            <Checkbox.Group
              options={Object.entries(ITEM_STREAMS).map(([value, label]) => ({ value, label }))}
            />
          </Form.Item>
          <Row gutter={12}>
            {POINT_FIELDS.map(([key, label]) => (
              <Col xs={12} sm={6} key={key}>
                <Form.Item name={key} label={label} rules={[{ required: true, message: '请填写分值' }]}>
                  <InputNumber
                    min={0}
                    max={1000}
                    step={0.5}
                    precision={2}
                    suffix="分"
                    style={{ width: '100%' }}
                  />
                </Form.Item>
              </Col>
            ))}
            <Col xs={12} sm={6}>
              <Form.Item name="capped" label="单条上限" valuePropName="checked">
                <Switch checkedChildren="设上限" unCheckedChildren="不设" />
              </Form.Item>
            </Col>
            <Col xs={12} sm={6}>
              {capped && (
                <Form.Item name="capPerItem" label="上限" rules={[{ required: true, message: '请填写上限' }]}>
                  <InputNumber min={1} max={1000} precision={2} suffix="分" style={{ width: '100%' }} />
                </Form.Item>
              )}
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item name="coauthors" label="联名作者">
                <Radio.Group
                  options={Object.entries(COAUTHOR_POLICIES).map(([value, label]) => ({ value, label }))}
                />
              </Form.Item>
            </Col>
          </Row>
          <Button type="primary" loading={saving} onClick={save} data-testid="scheme-save">
            保存{year}年度计分办法
          </Button>
        </Form>
      )}
    </div>
  );
}
