import { App, Button, Card, Descriptions, Popconfirm, Space, Tag } from 'antd';
import { useState } from 'react';
import { ORG_CHILD_TYPES, ORG_TYPES } from '../../../shared/orgs.ts';
import type { OrgView } from '../../../shared/schemas/orgs.ts';
import { api } from '../../api/client.ts';
import { useNotifyError } from '../../components/use-notify.ts';
import type { OrgAbilities } from '../../components/use-orgs.ts';
import { OrgFormModal, type OrgFormMode } from './OrgFormModal.tsx';
import { OrgMoveModal } from './OrgMoveModal.tsx';

interface Props {
  org: OrgView;
  orgs: readonly OrgView[];
  abilities: OrgAbilities;
  /** After a change; the id to select next, or `null` to clear, or nothing to keep. */
  onChanged: (nextSelected?: number | null) => void;
}

export function OrgDetail({ org, orgs, abilities, onChanged }: Props) {
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const [formMode, setFormMode] = useState<OrgFormMode>(null);
  const [moving, setMoving] = useState(false);
  const parent = orgs.find((candidate) => candidate.id === org.parentId);
  const canHaveChildren = ORG_CHILD_TYPES[org.type].length > 0;

  const setActive = async (active: boolean) => {
    try {
      await api.patch(`/orgs/${org.id}`, { active, version: org.version });
      message.success(active ? '组织已启用' : '组织已停用');
      onChanged();
    } catch (error) {
      notifyError(error);
    }
  };

  const remove = async () => {
    try {
      await api.delete(`/orgs/${org.id}`);
      message.success('组织已删除');
      onChanged(org.parentId);
    } catch (error) {
      notifyError(error);
    }
  };

  const actions = abilities.update && (
    <Space wrap>
      {abilities.create && canHaveChildren && (
        <Button
          type="primary"
          disabled={!org.active}
          onClick={() => setFormMode({ kind: 'create', parent: org })}
          data-testid="org-create-child"
        >
          新建下级
        </Button>
      )}
      <Button onClick={() => setFormMode({ kind: 'edit', org })} data-testid="org-edit">
        修改
      </Button>
      {org.parentId !== null && (
        <Button onClick={() => setMoving(true)} data-testid="org-move">
          移动
        </Button>
      )}
      <Popconfirm
        title={org.active ? '确定停用该组织？' : '确定启用该组织？'}
        description={org.active ? '停用后该组织不能再被选用，已有数据保留。' : undefined}
        onConfirm={() => setActive(!org.active)}
      >
        <Button data-testid="org-toggle-active">{org.active ? '停用' : '启用'}</Button>
      </Popconfirm>
      <Popconfirm
        title="确定删除该组织？"
        description="只能删除没有下级、没有用户、未被引用的组织；否则请改为停用。"
        okButtonProps={{ danger: true }}
        onConfirm={remove}
      >
        <Button danger data-testid="org-delete">
          删除
        </Button>
      </Popconfirm>
    </Space>
  );

  return (
    <Card title="组织详情">
      <Descriptions
        column={{ xs: 1, sm: 2 }}
        size="small"
        bordered
        items={[
          { key: 'name', label: '名称', children: org.name, span: { xs: 1, sm: 2 } },
          { key: 'short', label: '简称', children: org.shortName || '—' },
          { key: 'type', label: '类型', children: ORG_TYPES[org.type] },
          { key: 'parent', label: '上级组织', children: parent?.name ?? '—' },
          {
            key: 'active',
            label: '状态',
            children: org.active ? <Tag color="green">启用</Tag> : <Tag>停用</Tag>,
          },
          { key: 'members', label: '用户数', children: `${org.memberCount} 人` },
          { key: 'sort', label: '排序号', children: org.sortOrder },
        ]}
      />
      {actions && <div style={{ marginTop: 16 }}>{actions}</div>}
      <OrgFormModal
        mode={formMode}
        onClose={() => setFormMode(null)}
        onSaved={(saved) => {
          setFormMode(null);
          onChanged(saved.id);
        }}
      />
      <OrgMoveModal
        org={moving ? org : null}
        orgs={orgs}
        onClose={() => setMoving(false)}
        onMoved={() => {
          setMoving(false);
          onChanged();
        }}
      />
    </Card>
  );
}
