import { PlusOutlined } from '@ant-design/icons';
import { Button, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { AWARD_ROUND_STATES, awardPeriodLabel } from '../../../shared/awards.ts';
import type { AwardRoundView } from '../../../shared/schemas/awards.ts';
import { formatDateTime } from '../../components/format.ts';
import { PageCard } from '../../components/PageCard.tsx';
import { useApiData } from '../../components/use-desk-data.ts';
import { CreateRoundModal, type RoundDefaults } from './CreateRoundModal.tsx';

interface ListAnswer {
  data: AwardRoundView[];
  abilities: { create: { id: number; name: string }[]; defaults: RoundDefaults };
}

/** 评选表彰: the rounds of the CPPCCs the user reads; the director opens a new one. */
export function AwardsPage() {
  const navigate = useNavigate();
  const list = useApiData<ListAnswer>('/awards');
  const [creating, setCreating] = useState(false);
  const abilities = list.data?.abilities;

  return (
    <PageCard
      title="评选表彰"
      actions={
        (abilities?.create.length ?? 0) > 0 && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            data-testid="award-new"
          >
            新建评选
          </Button>
        )
      }
    >
      <Table
        size="small"
        rowKey="id"
        loading={list.loading}
        data-testid="award-rounds"
        dataSource={list.data?.data ?? []}
        scroll={{ x: 640 }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: '尚未组织评选' }}
        columns={[
          {
            title: '名称',
            dataIndex: 'name',
            render: (name: string, r) => <Link to={`/awards/${r.id}`}>{name}</Link>,
          },
          { title: '政协', dataIndex: 'orgName', width: 160 },
          { title: '评选期间', key: 'period', width: 200, render: (_, r) => awardPeriodLabel(r.from, r.to) },
          {
            title: '状态',
            dataIndex: 'state',
            width: 80,
            render: (s: AwardRoundView['state']) => (
              <Tag color={s === 'final' ? 'green' : 'blue'}>{AWARD_ROUND_STATES[s]}</Tag>
            ),
          },
          {
            title: '定稿',
            key: 'final',
            width: 170,
            render: (_, r) => (r.finalizedAt ? `${r.finalizedBy} ${formatDateTime(r.finalizedAt)}` : ''),
          },
        ]}
      />
      {abilities && (
        <CreateRoundModal
          open={creating}
          orgs={abilities.create}
          defaults={abilities.defaults}
          onClose={() => setCreating(false)}
          onDone={(id) => navigate(`/awards/${id}`)}
        />
      )}
    </PageCard>
  );
}
