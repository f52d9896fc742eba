import { Card, Col, Empty, Grid, Row } from 'antd';
import { useRef, useState } from 'react';
import { useOrgs } from '../../components/use-orgs.ts';
import { OrgDetail } from './OrgDetail.tsx';
import { OrgTreePanel } from './OrgTreePanel.tsx';

export function OrgsPage() {
  const { orgs, abilities, loading, reload } = useOrgs();
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const selected = orgs.find((org) => org.id === selectedId) ?? null;
  const stacked = !Grid.useBreakpoint().lg;
  const detailRef = useRef<HTMLDivElement>(null);

  const select = (id: number) => {
    setSelectedId(id);
    // Stacked below a long tree on phones: bring the detail into view.
    if (stacked && id !== null)
      requestAnimationFrame(() => detailRef.current?.scrollIntoView({ behavior: 'smooth' }));
  };

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={10}>
        <OrgTreePanel
          orgs={orgs}
          loading={loading}
          canCreate={abilities?.create ?? false}
          selectedId={selectedId}
          onSelect={select}
          onCreated={(org) => {
            reload();
            setSelectedId(org.id);
          }}
        />
      </Col>
      <Col xs={24} lg={14}>
        <div ref={detailRef} style={{ position: 'sticky', top: 80, scrollMarginTop: 72 }}>
          {selected ? (
            <OrgDetail
              org={selected}
              orgs={orgs}
              abilities={abilities ?? { create: false, update: false }}
              onChanged={(nextSelected) => {
                reload();
                if (nextSelected !== undefined) setSelectedId(nextSelected);
              }}
            />
          ) : (
            <Card title="组织详情">
              <Empty description="请在左侧选择一个组织" />
            </Card>
          )}
        </div>
      </Col>
    </Row>
  );
}
