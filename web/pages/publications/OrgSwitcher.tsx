import { Alert, Select, Typography } from 'antd';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { ListResponse } from '../../api/client.ts';
import { useApiData } from '../../components/use-desk-data.ts';
import type { PublicationOrg } from './publication-types.ts';

/**
 * The CPPCCs whose publications the user sees (GET /publication-orgs) and the one chosen, kept
 * in the address (`?orgId=`) so a reload stays on it; the first (the highest level) by default.
 */
export function usePublicationOrgs() {
  const answer = useApiData<ListResponse<PublicationOrg, unknown>>('/publication-orgs');
  const orgs = useMemo(() => answer.data?.data ?? [], [answer.data]);
  const [params, setParams] = useSearchParams();
  const wanted = Number(params.get('orgId'));
  const org = orgs.find((o) => o.id === wanted) ?? orgs[0];
  const choose = (id: number) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        next.set('orgId', String(id));
        return next;
      },
      { replace: true },
    );
  return { orgs, org, choose, loading: answer.loading, failed: answer.failed };
}

interface Props {
  orgs: readonly PublicationOrg[];
  loading: boolean;
  failed: boolean;
  value: PublicationOrg | undefined;
  onChange: (id: number) => void;
}

/** A searchable select when the user sees several CPPCCs, the CPPCC's name when only one. */
export function OrgSwitcher({ orgs, loading, failed, value, onChange }: Props) {
  if (!loading && !failed && orgs.length === 0)
    return (
      <Alert
        type="info"
        showIcon
        title="您没有可查看的刊物"
        description="刊物由政协机关信息部门编发。如需参与编发或审签，请联系安全管理员授予本级政协的相应角色。"
        style={{ marginBottom: 12, width: '100%' }}
        data-testid="publication-orgs-empty"
      />
    );
  if (orgs.length <= 1)
    return (
      <Typography.Text strong style={{ alignSelf: 'center' }} data-testid="org-name">
        {value?.name ?? ''}
      </Typography.Text>
    );
  return (
    <Select<number>
      value={value?.id}
      options={orgs.map((o) => ({ value: o.id, label: o.name }))}
      onChange={onChange}
      showSearch={{ optionFilterProp: 'label' }}
      loading={loading}
      style={{ minWidth: 240, maxWidth: '100%' }}
      popupMatchSelectWidth={false}
      aria-label="选择政协"
      data-testid="org-switch"
    />
  );
}
