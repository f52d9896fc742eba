import { App, Button, Form, Input, Modal, Space } from 'antd';
import { useEffect, useState } from 'react';
import type { OrgView } from '../../../shared/schemas/orgs.ts';
import { api } from '../../api/client.ts';
import { OrgTreeSelect } from '../../components/OrgTreeSelect.tsx';
import { useNotifyError } from '../../components/use-notify.ts';
import { RoutingPreviewText } from './RoutingPreviewText.tsx';
import { inactive, notReceiver } from './routing-types.ts';

interface Props {
  open: boolean;
  orgs: readonly OrgView[];
  onClose: () => void;
  onSaved: () => void;
}

interface Values {
  sourceOrgId: number;
  targetOrgId: number;
  note: string;
}

/** Send one organisation's items to a CPPCC other than the default one. */
export function RoutingRuleModal({ open, orgs, onClose, onSaved }: Props) {
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const sourceOrgId = Form.useWatch('sourceOrgId', form);

  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);

  const submit = async (values: Values) => {
    setSaving(true);
    try {
      await api.post('/routing-rules', { ...values, note: values.note?.trim() ?? '' });
      message.success('报送路径已设置');
      onSaved();
    } catch (error) {
      notifyError(error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      title="设置指定报送路径"
      open={open}
      onCancel={onClose}
      forceRender
      footer={
        <Space>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" loading={saving} onClick={() => form.submit()} data-testid="routing-submit">
            保存
          </Button>
        </Space>
      }
    >
      <Form name="routing" form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="sourceOrgId"
          label="报送单位"
          rules={[{ required: true, message: '请选择报送单位' }]}
          extra={
            sourceOrgId ? (
              <>
                当前：
                <RoutingPreviewText orgId={sourceOrgId} />
              </>
            ) : undefined
          }
        >
          <OrgTreeSelect
            orgs={orgs}
            isDisabled={inactive}
            style={{ width: '100%' }}
            data-testid="routing-source"
          />
        </Form.Item>
        <Form.Item
          name="targetOrgId"
          label="改由以下政协接收"
          dependencies={['sourceOrgId']}
          rules={[
            { required: true, message: '请选择接收政协' },
            ({ getFieldValue }) => ({
              validator: async (_, value: number | undefined) => {
                if (value !== undefined && value === getFieldValue('sourceOrgId'))
                  throw new Error('接收政协不能是报送单位本身');
              },
            }),
          ]}
          extra="只能选择省、市、县级政协"
        >
          <OrgTreeSelect
            orgs={orgs}
            isDisabled={notReceiver}
            style={{ width: '100%' }}
            data-testid="routing-target"
          />
        </Form.Item>
        <Form.Item name="note" label="说明" rules={[{ max: 100, message: '说明最多100个字' }]}>
          <Input
            maxLength={100}
            placeholder="如：按省政协办公厅通知，由省政协直接接收"
            data-testid="routing-note"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
