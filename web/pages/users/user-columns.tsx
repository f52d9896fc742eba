import { type TableColumnsType, Tag, Tooltip, Typography } from 'antd';
import type { ReactNode } from 'react';
import { ROLES } from '../../../shared/roles.ts';
import { MEMBER_LEVELS } from '../../../shared/schemas/users.ts';
import { formatDateTime } from '../../components/format.ts';
import type { UserRow } from './user-types.ts';

function memberLines(user: UserRow): string[] {
  if (!user.member) return [];
  const { level, term, sector, party } = user.member;
  return [
    [`${MEMBER_LEVELS[level]}政协委员`, term],
    [sector, party],
  ]
    .map((parts) => parts.filter(Boolean).join(' · '))
    .filter(Boolean);
}

function isLocked(user: UserRow): boolean {
  return user.lockedUntil !== null && new Date(user.lockedUntil).getTime() > Date.now();
}

/** Columns of the user list; secondary ones hide on narrow screens, actions stay in view on wide ones. */
export function userColumns(
  renderActions: (user: UserRow) => ReactNode,
  wide: boolean,
): TableColumnsType<UserRow> {
  return [
    { title: '登录名', dataIndex: 'login', width: 110 },
    { title: '姓名', dataIndex: 'realName', width: 90 },
    {
      title: '状态',
      key: 'status',
      width: 110,
      render: (_, user) => (
        <>
          {user.enabled ? <Tag color="green">启用</Tag> : <Tag>停用</Tag>}
          {isLocked(user) && (
            <Tooltip title={`登录失败次数过多，锁定至 ${formatDateTime(user.lockedUntil)}`}>
              <Tag color="orange" data-testid="user-locked">
                锁定
              </Tag>
            </Tooltip>
          )}
        </>
      ),
    },
    {
      title: '手机',
      dataIndex: 'mobile',
      width: 120,
      responsive: ['md'],
      render: (mobile: string) => mobile || '—',
    },
    {
      title: '所属组织',
      key: 'memberships',
      width: 200,
      render: (_, user) =>
        user.memberships.map((membership) => (
          <div key={membership.orgId}>
            {membership.orgName}
            {membership.title && <Typography.Text type="secondary"> · {membership.title}</Typography.Text>}
          </div>
        )),
    },
    {
      title: '委员信息',
      key: 'member',
      width: 200,
      responsive: ['lg'],
      render: (_, user) => {
        const lines = memberLines(user);
        return (
          <>
            {lines.map((line) => (
              <div key={line}>{line}</div>
            ))}
            {user.member?.standing && <Tag color="gold">常委</Tag>}
            {user.specialOfficer && <Tag color="cyan">特邀信息员</Tag>}
            {lines.length === 0 && !user.specialOfficer && '—'}
          </>
        );
      },
    },
    {
      title: '角色',
      dataIndex: 'roles',
      width: 150,
      responsive: ['sm'],
      render: (roles: UserRow['roles']) =>
        roles.length === 0 ? '—' : roles.map((role) => <Tag key={role}>{ROLES[role].label}</Tag>),
    },
    {
      title: '最近登录',
      dataIndex: 'lastLoginAt',
      width: 140,
      responsive: ['xxl'],
      render: (value: string | null) => formatDateTime(value),
    },
    {
      title: '操作',
      key: 'actions',
      width: 170,
      fixed: wide ? 'right' : undefined,
      render: (_, user) => renderActions(user),
    },
  ];
}
