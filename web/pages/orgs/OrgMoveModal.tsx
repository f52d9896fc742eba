import { App, Form, Modal } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { ORG_CHILD_TYPES, ORG_TYPES } from '../../../shared/orgs.ts';
import type { OrgView } from '../../../shared/schemas/orgs.ts';
import { api, type RecordResponse } from '../../api/client.ts';
import { OrgTreeSelect } from '../../components/OrgTreeSelect.tsx';
import { subtreeIds } from '../../components/org-tree.ts';
import { useNotifyError } from '../../components/use-notify.ts';

interface Props {
  org: OrgView | null;
  orgs: readonly OrgView[];
  onClose: () => void;
  onMoved: () => void;
}

/** Move an organisation (with everything below it) under another parent. */
export function OrgMoveModal({ org, orgs, onClose, onMoved }: Props) {
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const [form] = Form.useForm<{ parentId: number }>();
  const [saving, setSaving] = useState(false);
  const own = useMemo(() => (org ? subtreeIds(orgs, org.id) : new Set<number>()), [org, orgs]);
  // Not under itself or its descendants, not where it already is, only where its type belongs.
  const isDisabled = useCallback(
    (candidate: OrgView) =>
      !org ||
      own.has(candidate.id) ||
      candidate.id === org.parentId ||
      !ORG_CHILD_TYPES[candidate.type].includes(org.type),
    [org, own],
  );

  useEffect(() => {
    if (org) form.resetFields();
  }, [org, form]);

  const submit = async ({ parentId }: { parentId: number }) => {
    if (!org) return;
    setSaving(true);
    try {
      await api.patch<RecordResponse<OrgView>>(`/orgs/${org.id}`, { parentId, version: org.version });
      message.success('组织已移动');
      onMoved();
    } catch (error) {
      notifyError(error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      title={org ? `移动组织：${org.name}` : '移动组织'}
      open={org !== null}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="移动"
      confirmLoading={saving}
      forceRender
    >
      <Form name="org-move" form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="parentId"
          label="新的上级组织"
          rules={[{ required: true, message: '请选择新的上级组织' }]}
          extra={org ? `只能选择可以包含“${ORG_TYPES[org.type]}”的组织；其下级组织随之移动。` : undefined}
        >
          <OrgTreeSelect
            orgs={orgs}
            isDisabled={isDisabled}
            style={{ width: '100%' }}
            data-testid="org-move-parent"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
