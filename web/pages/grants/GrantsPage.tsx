import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Popconfirm, Select, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ROLE_KEYS, ROLES, SCOPES } from '../../../shared/roles.ts';
import type { GrantView } from '../../../shared/schemas/grants.ts';
import { api } from '../../api/client.ts';
import { formatDateTime } from '../../components/format.ts';
import { OrgTreeSelect } from '../../components/OrgTreeSelect.tsx';
import { PageCard } from '../../components/PageCard.tsx';
import { PagedTable } from '../../components/PagedTable.tsx';
import { UserSearchSelect } from '../../components/UserSearchSelect.tsx';
import { useNotifyError } from '../../components/use-notify.ts';
import { useOrgs } from '../../components/use-orgs.ts';
import { usePagedList } from '../../components/use-paged-list.ts';
import { GrantFormModal } from './GrantFormModal.tsx';
import type { GrantFilters, GrantListAbilities } from './grant-types.ts';

export function GrantsPage() {
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const { orgs } = useOrgs();
  const list = usePagedList<GrantView, GrantListAbilities, GrantFilters>('/grants', {});
  const [creating, setCreating] = useState(false);
  const canManage = list.abilities?.create ?? false;
  const set = (patch: Partial<GrantFilters>) => list.setFilters({ ...list.filters, ...patch });

  const revoke = async (grant: GrantView) => {
    try {
      await api.delete(`/grants/${grant.id}`);
      message.success('角色已撤销');
      list.reload();
    } catch (error) {
      notifyError(error);
    }
  };

  const columns: TableColumnsType<GrantView> = [
    {
      title: '用户',
      key: 'user',
      render: (_, grant) => (
        <>
          {grant.userRealName} <Typography.Text type="secondary">{grant.userLogin}</Typography.Text>
        </>
      ),
    },
    {
      title: '角色',
      dataIndex: 'role',
      render: (role: GrantView['role']) => <Tag color="blue">{ROLES[role].label}</Tag>,
    },
    { title: '组织', dataIndex: 'orgName' },
    { title: '数据范围', dataIndex: 'scope', render: (scope: GrantView['scope']) => SCOPES[scope] },
    { title: '授予人', dataIndex: 'grantedBy', responsive: ['md'] },
    {
      title: '授予时间',
      dataIndex: 'createdAt',
      responsive: ['lg'],
      render: (at: string) => formatDateTime(at),
    },
  ];
  if (canManage) {
    columns.push({
      title: '操作',
      key: 'actions',
      render: (_, grant) => (
        <Popconfirm
          title="确定撤销该角色？"
          description={`${grant.userRealName}将失去在“${grant.orgName}”的${ROLES[grant.role].label}权限。`}
          okButtonProps={{ danger: true }}
          onConfirm={() => revoke(grant)}
        >
          <Button type="link" size="small" danger data-testid="grant-revoke">
            撤销
          </Button>
        </Popconfirm>
      ),
    });
  }

  return (
    <PageCard
      title="角色授权"
      actions={
        canManage && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            data-testid="grant-create"
          >
            授予角色
          </Button>
        )
      }
    >
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, marginBottom: 12 }}>
        <UserSearchSelect
          allowClear
          placeholder="按用户筛选"
          value={list.filters.userId}
          onChange={(userId) => set({ userId })}
          style={{ width: 220 }}
        />
        <Select
          allowClear
          placeholder="按角色筛选"
          options={ROLE_KEYS.map((key) => ({ value: key, label: ROLES[key].label }))}
          value={list.filters.role}
          onChange={(role) => set({ role })}
          style={{ width: 160 }}
          popupMatchSelectWidth={false}
        />
        <OrgTreeSelect
          orgs={orgs}
          allowClear
          placeholder="按组织筛选"
          value={list.filters.orgId}
          onChange={(orgId) => set({ orgId: orgId ?? undefined })}
          style={{ width: 220 }}
        />
      </div>
      <PagedTable<GrantView> testId="grant-table" list={list} columns={columns} />
      <GrantFormModal
        open={creating}
        orgs={orgs}
        onClose={() => setCreating(false)}
        onGranted={() => {
          setCreating(false);
          list.reload();
        }}
      />
    </PageCard>
  );
}
