import { PlusOutlined } from '@ant-design/icons';
import { Button, Col, Empty, Row, Skeleton, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { type ListResponse, toQuery } from '../../api/client.ts';
import { PageCard } from '../../components/PageCard.tsx';
import { useApiData } from '../../components/use-desk-data.ts';
import { NewIssueModal } from './NewIssueModal.tsx';
import { OrgSwitcher, usePublicationOrgs } from './OrgSwitcher.tsx';
import { PublicationCard } from './PublicationCard.tsx';
import { PublicationFormDrawer } from './PublicationFormDrawer.tsx';
import type { PublicationAbilities, PublicationView } from './publication-types.ts';

/**
 * The publications (刊物) of one CPPCC: how far this week's issues have got against each one's
 * cadence, what is being compiled or signed, the last issue; compilers start a new issue here and
 * the system administrator keeps the publications' settings.
 */
export function PublicationsPage() {
  const { orgs, org, choose, loading: orgsLoading, failed: orgsFailed } = usePublicationOrgs();
  const list = useApiData<ListResponse<PublicationView, PublicationAbilities>>(
    org ? `/publications${toQuery({ orgId: org.id })}` : null,
  );
  const [formTarget, setFormTarget] = useState<'new' | PublicationView | null>(null);
  const [compiling, setCompiling] = useState<PublicationView | null>(null);
  // One "now" per answer, so every card measures its week against the same moment.
  const now = useMemo(() => (list.data ? new Date() : new Date(0)), [list.data]);

  const abilities = list.data?.abilities;
  const manage = abilities?.manage ?? false;
  const compile = abilities?.compile ?? false;
  const publications = org ? (list.data?.data ?? []) : [];

  return (
    <PageCard
      title="刊物"
      actions={
        manage && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setFormTarget('new')}
            data-testid="publication-create"
          >
            新建刊物
          </Button>
        )
      }
    >
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, marginBottom: 12 }}>
        <OrgSwitcher orgs={orgs} loading={orgsLoading} failed={orgsFailed} value={org} onChange={choose} />
      </div>
      {list.loading && !list.data ? (
        <Skeleton active />
      ) : publications.length === 0 ? (
        org && (
          <Empty
            image={Empty.PRESENTED_IMAGE_SIMPLE}
            description={manage ? '尚未设置刊物，请点击“新建刊物”' : '本级政协尚未设置刊物'}
          />
        )
      ) : (
        <Row gutter={[16, 16]} data-testid="publication-list">
          {publications.map((p) => (
            <Col key={p.id} xs={24} md={12} xxl={6}>
              <PublicationCard
                publication={p}
                now={now}
                compile={compile}
                manage={manage}
                onCompile={() => setCompiling(p)}
                onEdit={() => setFormTarget(p)}
              />
            </Col>
          ))}
        </Row>
      )}
      {publications.length > 0 && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          本周自星期一起计算，按已签发的期次统计；编发进度落后于每周期数时以橙色提示。
        </Typography.Paragraph>
      )}
      <PublicationFormDrawer
        target={formTarget}
        org={org}
        onClose={() => setFormTarget(null)}
        onSaved={() => {
          setFormTarget(null);
          list.reload();
        }}
      />
      <NewIssueModal publication={compiling} onClose={() => setCompiling(null)} />
    </PageCard>
  );
}
