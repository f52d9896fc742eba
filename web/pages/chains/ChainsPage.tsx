import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Col, Empty, Row, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { type ListResponse, toQuery } from '../../api/client.ts';
import { PageCard } from '../../components/PageCard.tsx';
import { useApiData } from '../../components/use-desk-data.ts';
import { OrgSwitcher, usePublicationOrgs } from '../publications/OrgSwitcher.tsx';
import { ChainCard } from './ChainCard.tsx';
import { ChainFormDrawer } from './ChainFormDrawer.tsx';
import type { ChainView } from './chain-types.ts';
import { RulesEditor } from './RulesEditor.tsx';

/**
 * The approval chains (审签流程) of one CPPCC and the rules choosing one for each issue (R3.5).
 * Chains are versioned: a change makes a new version and issues under way keep theirs.
 */
export function ChainsPage() {
  const { orgs, org, choose, loading: orgsLoading, failed: orgsFailed } = usePublicationOrgs();
  const list = useApiData<ListResponse<ChainView, { manage: boolean }>>(
    org ? `/approval-chains${toQuery({ orgId: org.id })}` : null,
  );
  const [formTarget, setFormTarget] = useState<'new' | ChainView | null>(null);
  const manage = list.data?.abilities.manage ?? false;
  const chains = org ? (list.data?.data ?? []) : [];

  return (
    <PageCard
      title="审签流程"
      actions={
        manage && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setFormTarget('new')}
            data-testid="chain-create"
          >
            新建审签流程
          </Button>
        )
      }
    >
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, marginBottom: 12 }}>
        <OrgSwitcher orgs={orgs} loading={orgsLoading} failed={orgsFailed} value={org} onChange={choose} />
      </div>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        data-testid="chains-explanation"
        title="刊物审签规定"
        description={
          <ul style={{ margin: 0, paddingInlineStart: 18 }}>
            <li>四种刊物：信息处处长审核，分管领导审定后签发。</li>
            <li>报省委书记、省长的（报送对象含省委书记或省长）：秘书长审核，主席审定后签发。</li>
            <li>审签流程修改后生成新版本：新送审的期次按新版本办理，已在审签中的期次仍按原版本办理。</li>
          </ul>
        }
      />
      <Typography.Title level={5}>审签流程</Typography.Title>
      {list.loading && !list.data ? (
        <Skeleton active />
      ) : chains.length === 0 ? (
        org && (
          <Empty
            image={Empty.PRESENTED_IMAGE_SIMPLE}
            description={manage ? '尚未设置审签流程，请点击“新建审签流程”' : '本级政协尚未设置审签流程'}
          />
        )
      ) : (
        <Row gutter={[16, 16]} data-testid="chain-list">
          {chains.map((chain) => (
            <Col key={chain.id} xs={24} xl={12}>
              <ChainCard chain={chain} manage={manage} onEdit={() => setFormTarget(chain)} />
            </Col>
          ))}
        </Row>
      )}
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        审签规则
      </Typography.Title>
      {org && <RulesEditor key={org.id} orgId={org.id} chains={chains} manage={manage} />}
      <ChainFormDrawer
        target={formTarget}
        org={org}
        onClose={() => setFormTarget(null)}
        onSaved={() => {
          setFormTarget(null);
          list.reload();
        }}
      />
    </PageCard>
  );
}
