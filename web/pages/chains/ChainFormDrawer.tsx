import { Alert, App, Button, Drawer, Form, type FormInstance, Grid, Input, Space, Switch } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { chainInput, type Signer } from '../../../shared/schemas/issues.ts';
import { api, type ListResponse, toQuery } from '../../api/client.ts';
import { useApiData } from '../../components/use-desk-data.ts';
import { useNotifyError } from '../../components/use-notify.ts';
import { zodRule } from '../../components/zod-rule.ts';
import type { PublicationOrg } from '../publications/publication-types.ts';
import {
  type ChainView,
  type PostView,
  postLabel,
  type SignerPerson,
  signerKey,
  signerOf,
} from './chain-types.ts';
import { NEW_STEP, type SignerOptionGroup, StepsField, type StepValues } from './StepsField.tsx';

interface Props {
  /** `'new'` to create, a chain to edit, null when closed. */
  target: 'new' | ChainView | null;
  org: PublicationOrg | undefined;
  onClose: () => void;
  onSaved: () => void;
}

interface Values {
  name: string;
  active: boolean;
  steps: StepValues[];
}

function valuesOf(chain: ChainView): Values {
  return {
    name: chain.name,
    active: chain.active,
    steps: chain.steps.map((s) => ({ name: s.name, mode: s.mode, signers: s.signers.map(signerKey) })),
  };
}

/**
 * Creates or changes an approval chain. A change is saved as a new version: issues already being
 * signed keep the version they started with.
 */
export function ChainFormDrawer({ target, org, onClose, onSaved }: Props) {
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const screens = Grid.useBreakpoint();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  // The title keeps its mode while the drawer animates closed.
  const last = useRef(target);
  if (target !== null) last.current = target;
  const editing = last.current !== 'new' ? last.current : null;

  const open = target !== null && org !== undefined;
  const people = useApiData<ListResponse<SignerPerson, unknown>>(
    open ? `/issue-signers${toQuery({ orgId: org.id })}` : null,
  );
  // Posts are kept by the information office; an account outside it cannot read them and picks
  // people only (posts already in the chain stay, labelled as the chain shows them).
  const posts = useApiData<ListResponse<PostView, unknown>>(
    open ? `/posts${toQuery({ orgId: org.id })}` : null,
    {
      quiet: true,
    },
  );

  useEffect(() => {
    if (target === null) return;
    form.resetFields();
    form.setFieldsValue(
      target === 'new' ? { name: '', active: true, steps: [{ ...NEW_STEP, signers: [] }] } : valuesOf(target),
    );
  }, [target, form]);

  const signerOptions = useMemo<SignerOptionGroup[]>(() => {
    const postOptions = new Map<string, string>();
    const personOptions = new Map<string, string>();
    for (const p of posts.data?.data ?? []) postOptions.set(`post:${p.id}`, postLabel(p));
    for (const u of people.data?.data ?? [])
      personOptions.set(`user:${u.id}`, u.onDuty ? u.name : `${u.name}（今日请假）`);
    // Signers already in the chain stay selectable under their present labels.
    for (const step of editing?.steps ?? [])
      for (const s of step.signerViews) {
        const map = s.type === 'post' ? postOptions : personOptions;
        const key = `${s.type}:${s.id}`;
        if (!map.has(key)) map.set(key, s.label);
      }
    const group = (label: string, map: Map<string, string>) => ({
      label,
      options: [...map].map(([value, text]) => ({ value, label: text })),
    });
    const groups = [group('人员', personOptions)];
    if (postOptions.size > 0) groups.unshift(group('岗位（由A岗审签；A岗请假时由B岗审签）', postOptions));
    return groups;
  }, [posts.data, people.data, editing]);

  const submit = async () => {
    if (!org || target === null) return;
    const values = form.getFieldsValue(true) as Values;
    const steps = (values.steps ?? []).map((s) => ({
      name: s.name,
      mode: s.mode,
      signers: (s.signers ?? []).map(signerOf).filter((x): x is Signer => x !== null),
    }));
    const parsed = chainInput.safeParse({
      orgId: target === 'new' ? org.id : target.orgId,
      name: values.name,
      active: values.active,
      steps,
    });
    if (!parsed.success) {
      const [first] = parsed.error.issues;
      const path = first?.path.filter((p): p is string | number => typeof p !== 'symbol') ?? [];
      // Signer errors belong to the step's signer select, not to one entry of it.
      const field = path[0] === 'steps' && path.length >= 3 ? path.slice(0, 3) : path;
      if (first && field.length > 1)
        (form as FormInstance).setFields([{ name: field, errors: [first.message] }]);
      else if (first) message.error(first.message);
      return;
    }
    setSaving(true);
    try {
      if (target === 'new') {
        await api.post('/approval-chains', parsed.data);
        message.success(`审签流程“${parsed.data.name}”已新建`);
      } else {
        await api.put(`/approval-chains/${target.id}`, { ...parsed.data, version: target.version });
        message.success(`已保存为第${target.version + 1}版；已在审签中的期次仍按原版本办理`);
      }
      onSaved();
    } catch (error) {
      notifyError(error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Drawer
      title={editing ? `修改审签流程：${editing.name}` : `新建审签流程${org ? `（${org.name}）` : ''}`}
      open={target !== null}
      onClose={onClose}
      size={screens.md ? 720 : '100%'}
      forceRender
      footer={
        <Space style={{ display: 'flex', justifyContent: 'flex-end' }}>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" loading={saving} onClick={() => form.submit()} data-testid="chain-submit">
            保存
          </Button>
        </Space>
      }
    >
      {editing && (
        <Alert
          type="warning"
          showIcon
          title={`修改后将生成第${editing.version + 1}版；已在审签中的期次仍按原版本（第${editing.version}版）办理。`}
          style={{ marginBottom: 16 }}
          data-testid="chain-version-note"
        />
      )}
      {posts.failed && (
        <Alert
          type="info"
          showIcon
          title="当前账号不能读取本级信息部门的岗位设置，审签人只能按人员指定；流程中已设置的岗位予以保留。"
          style={{ marginBottom: 16 }}
          data-testid="chain-posts-unavailable"
        />
      )}
      <Form name="chain" form={form} layout="vertical" onFinish={submit} scrollToFirstError>
        <Form.Item
          name="name"
          label="流程名称"
          validateFirst
          rules={[
            { required: true, whitespace: true, message: '请填写流程名称' },
            zodRule(chainInput.shape.name),
          ]}
        >
          <Input maxLength={30} placeholder="如：处长审核、分管领导审定" data-testid="chain-name-input" />
        </Form.Item>
        <Form.Item
          name="active"
          label="状态"
          valuePropName="checked"
          extra="停用的流程不再用于新送审的期次；仍被审签规则使用的流程不能停用。"
        >
          <Switch checkedChildren="启用" unCheckedChildren="停用" data-testid="chain-active" />
        </Form.Item>
        <StepsField signerOptions={signerOptions} />
      </Form>
    </Drawer>
  );
}
