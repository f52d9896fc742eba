import { Checkbox, Input, Select } from 'antd';
import { ROLE_KEYS, ROLES } from '../../../shared/roles.ts';
import type { OrgView } from '../../../shared/schemas/orgs.ts';
import { MEMBER_LEVEL_KEYS, MEMBER_LEVELS } from '../../../shared/schemas/users.ts';
import { OrgTreeSelect } from '../../components/OrgTreeSelect.tsx';
import type { UserFilters } from './user-types.ts';

interface Props {
  filters: UserFilters;
  orgs: readonly OrgView[];
  onChange: (filters: UserFilters) => void;
}

const yesNo = (yes: string, no: string) => [
  { value: 'true', label: yes },
  { value: 'false', label: no },
];
const toFlag = (value: string | undefined) => (value === undefined ? undefined : value === 'true');
const fromFlag = (value: boolean | undefined) => (value === undefined ? undefined : String(value));

export function UserFilterBar({ filters, orgs, onChange }: Props) {
  const set = (patch: Partial<UserFilters>) => onChange({ ...filters, ...patch });
  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, marginBottom: 12 }}>
      <Input.Search
        placeholder="登录名、姓名或手机号"
        allowClear
        defaultValue={filters.q}
        onSearch={(value) => set({ q: value.trim() || undefined })}
        style={{ width: 220 }}
        data-testid="user-search"
      />
      <OrgTreeSelect
        orgs={orgs}
        allowClear
        placeholder="所属组织"
        value={filters.orgId}
        onChange={(orgId) => set({ orgId: orgId ?? undefined })}
        style={{ width: 220 }}
        data-testid="user-filter-org"
      />
      <Checkbox
        checked={filters.subtree ?? true}
        onChange={(event) => set({ subtree: event.target.checked })}
        style={{ alignSelf: 'center' }}
      >
        含下级
      </Checkbox>
      <Select
        placeholder="状态"
        allowClear
        options={yesNo('启用', '停用')}
        value={fromFlag(filters.enabled)}
        onChange={(value: string | undefined) => set({ enabled: toFlag(value) })}
        style={{ width: 100 }}
      />
      <Select
        placeholder="委员级别"
        allowClear
        options={MEMBER_LEVEL_KEYS.map((level) => ({
          value: level,
          label: `${MEMBER_LEVELS[level]}政协委员`,
        }))}
        value={filters.memberLevel}
        onChange={(memberLevel) => set({ memberLevel })}
        style={{ width: 140 }}
      />
      <Select
        placeholder="角色"
        allowClear
        options={ROLE_KEYS.map((role) => ({ value: role, label: ROLES[role].label }))}
        value={filters.role}
        onChange={(role) => set({ role })}
        style={{ width: 160 }}
        popupMatchSelectWidth={false}
      />
      <Select
        placeholder="特邀信息员"
        allowClear
        options={yesNo('是特邀信息员', '非特邀信息员')}
        value={fromFlag(filters.specialOfficer)}
        onChange={(value: string | undefined) => set({ specialOfficer: toFlag(value) })}
        style={{ width: 140 }}
        popupMatchSelectWidth={false}
      />
    </div>
  );
}
