import { App, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useEffect, useState } from 'react';
import { ORG_CHILD_TYPES, ORG_TYPES, type OrgType } from '../../../shared/orgs.ts';
import { type OrgView, orgInput } from '../../../shared/schemas/orgs.ts';
import { api, type RecordResponse } from '../../api/client.ts';
import { useNotifyError } from '../../components/use-notify.ts';
import { zodRule } from '../../components/zod-rule.ts';

export type OrgFormMode = { kind: 'create'; parent: OrgView | null } | { kind: 'edit'; org: OrgView } | null;

interface Values {
  name: string;
  shortName: string;
  type: OrgType;
  sortOrder: number;
}

interface Props {
  /** null: closed. */
  mode: OrgFormMode;
  onClose: () => void;
  onSaved: (org: OrgView) => void;
}

/** Types a new organisation may have under `parent` (a root is a provincial CPPCC). */
function allowedTypes(parent: OrgView | null): readonly OrgType[] {
  return parent ? ORG_CHILD_TYPES[parent.type] : ['cppcc_province'];
}

export function OrgFormModal({ mode, onClose, onSaved }: Props) {
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const types = mode?.kind === 'create' ? allowedTypes(mode.parent) : [];

  useEffect(() => {
    if (!mode) return;
    form.resetFields();
    if (mode.kind === 'edit') {
      const { name, shortName, type, sortOrder } = mode.org;
      form.setFieldsValue({ name, shortName, type, sortOrder });
    } else {
      form.setFieldsValue({ type: allowedTypes(mode.parent)[0], sortOrder: 0, shortName: '' });
    }
  }, [mode, form]);

  const submit = async (values: Values) => {
    if (!mode) return;
    setSaving(true);
    try {
      const answer =
        mode.kind === 'create'
          ? await api.post<RecordResponse<OrgView>>('/orgs', {
              parentId: mode.parent?.id ?? null,
              name: values.name.trim(),
              shortName: values.shortName?.trim() ?? '',
              type: values.type,
              sortOrder: values.sortOrder ?? 0,
            })
          : await api.patch<RecordResponse<OrgView>>(`/orgs/${mode.org.id}`, {
              name: values.name.trim(),
              shortName: values.shortName?.trim() ?? '',
              sortOrder: values.sortOrder ?? 0,
              version: mode.org.version,
            });
      message.success(mode.kind === 'create' ? '组织已创建' : '组织信息已保存');
      onSaved(answer.data);
    } catch (error) {
      notifyError(error);
    } finally {
      setSaving(false);
    }
  };

  const title =
    mode?.kind === 'edit'
      ? `修改组织：${mode.org.name}`
      : mode?.parent
        ? `新建下级组织（上级：${mode.parent.name}）`
        : '新建顶级组织';

  return (
    <Modal
      title={title}
      open={mode !== null}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="保存"
      confirmLoading={saving}
      forceRender
    >
      <Form name="org" form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="name"
          label="名称"
          rules={[{ required: true, message: '请填写名称' }, zodRule(orgInput.shape.name)]}
        >
          <Input maxLength={60} showCount data-testid="org-name" />
        </Form.Item>
        <Form.Item name="shortName" label="简称" extra="用于列表和报表中的简短显示，可不填">
          <Input maxLength={20} data-testid="org-short-name" />
        </Form.Item>
        {mode?.kind === 'create' && (
          <Form.Item name="type" label="组织类型" rules={[{ required: true, message: '请选择组织类型' }]}>
            <Select
              options={types.map((type) => ({ value: type, label: ORG_TYPES[type] }))}
              data-testid="org-type"
            />
          </Form.Item>
        )}
        <Form.Item name="sortOrder" label="排序号" extra="同级组织按排序号从小到大排列">
          <InputNumber min={0} max={100000} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
