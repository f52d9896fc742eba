import { DownloadOutlined, ImportOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Grid } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { toQuery } from '../../api/client.ts';
import { PageCard } from '../../components/PageCard.tsx';
import { PagedTable } from '../../components/PagedTable.tsx';
import { type Credential, TemporaryPasswordModal } from '../../components/TemporaryPasswordModal.tsx';
import { useOrgs } from '../../components/use-orgs.ts';
import { usePagedList } from '../../components/use-paged-list.ts';
import { UserFilterBar } from './UserFilterBar.tsx';
import { UserFormDrawer } from './UserFormDrawer.tsx';
import { UserImportModal } from './UserImportModal.tsx';
import { UserRowActions } from './UserRowActions.tsx';
import { userColumns } from './user-columns.tsx';
import type { UserFilters, UserListAbilities, UserRow } from './user-types.ts';

/** `subtree` only means something with an organisation; it defaults to including sub-organisations. */
function normalise(filters: UserFilters): UserFilters {
  return { ...filters, subtree: filters.orgId ? (filters.subtree ?? true) : undefined };
}

export function UsersPage() {
  const { orgs } = useOrgs();
  const list = usePagedList<UserRow, UserListAbilities, UserFilters>('/users', {});
  const [formTarget, setFormTarget] = useState<'new' | number | null>(null);
  const [importing, setImporting] = useState(false);
  const [credential, setCredential] = useState<{ title: string; value: Credential } | null>(null);
  const { reload } = list;
  const wide = Grid.useBreakpoint().lg ?? false;

  const closeForm = useCallback(() => setFormTarget(null), []);
  const columns = useMemo(
    () =>
      userColumns(
        (user) => (
          <UserRowActions
            user={user}
            onEdit={(row) => setFormTarget(row.id)}
            onChanged={reload}
            onTemporaryPassword={(value) => setCredential({ title: '密码已重置', value })}
          />
        ),
        wide,
      ),
    [reload, wide],
  );
  const abilities = list.abilities;

  return (
    <PageCard
      title="用户管理"
      actions={
        <>
          {abilities?.create && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setFormTarget('new')}
              data-testid="user-create"
            >
              新建用户
            </Button>
          )}
          {abilities?.import && (
            <Button icon={<ImportOutlined />} onClick={() => setImporting(true)} data-testid="user-import">
              导入
            </Button>
          )}
          {abilities?.export && (
            <Button
              icon={<DownloadOutlined />}
              href={`/api/users/export${toQuery(list.filters)}`}
              data-testid="user-export"
            >
              导出
            </Button>
          )}
        </>
      }
    >
      <UserFilterBar
        filters={list.filters}
        orgs={orgs}
        onChange={(filters) => list.setFilters(normalise(filters))}
      />
      <PagedTable<UserRow>
        testId="user-table"
        list={list}
        columns={columns}
        size="middle"
        scrollX={wide ? 1100 : 'max-content'}
      />
      <UserFormDrawer
        target={formTarget}
        orgs={orgs}
        onClose={closeForm}
        onCreated={(value) => {
          setFormTarget(null);
          setCredential({ title: '用户已创建', value });
          reload();
        }}
        onSaved={() => {
          setFormTarget(null);
          reload();
        }}
      />
      <UserImportModal open={importing} onClose={() => setImporting(false)} onImported={reload} />
      <TemporaryPasswordModal
        title={credential?.title ?? ''}
        credential={credential?.value ?? null}
        onClose={() => setCredential(null)}
      />
    </PageCard>
  );
}
