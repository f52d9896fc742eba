import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Popconfirm, Table, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import { api, type ListResponse } from '../../api/client.ts';
import { formatDateTime } from '../../components/format.ts';
import { OrgTreeSelect } from '../../components/OrgTreeSelect.tsx';
import { PageCard } from '../../components/PageCard.tsx';
import { useApiData } from '../../components/use-desk-data.ts';
import { useNotifyError } from '../../components/use-notify.ts';
import { useOrgs } from '../../components/use-orgs.ts';
import { RoutingPreviewText } from './RoutingPreviewText.tsx';
import { RoutingRuleModal } from './RoutingRuleModal.tsx';
import type { RoutingRule } from './routing-types.ts';

/** Where each organisation's items go: the default rule, its overrides, and a look-up. */
export function RoutingPage() {
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const { orgs } = useOrgs();
  const list = useApiData<ListResponse<RoutingRule, { manage: boolean }>>('/routing-rules');
  const [adding, setAdding] = useState(false);
  const [probe, setProbe] = useState<number | undefined>(undefined);
  // Bumped after every change of the rules, so the look-up answers anew.
  const [changes, setChanges] = useState(0);
  const changed = () => {
    setChanges((n) => n + 1);
    list.reload();
  };
  const manage = list.data?.abilities.manage ?? false;

  const remove = async (rule: RoutingRule) => {
    try {
      await api.delete(`/routing-rules/${rule.id}`);
      message.success(`已取消“${rule.sourceOrg.name}”的指定报送路径，恢复按默认规则报送`);
      changed();
    } catch (error) {
      notifyError(error);
    }
  };

  const columns: TableColumnsType<RoutingRule> = [
    { title: '报送单位', key: 'source', render: (_, rule) => rule.sourceOrg.name },
    { title: '接收政协', key: 'target', render: (_, rule) => rule.targetOrg.name },
    { title: '说明', dataIndex: 'note', responsive: ['md'], render: (note: string) => note || '—' },
    {
      title: '设置时间',
      dataIndex: 'createdAt',
      responsive: ['lg'],
      render: (at: string) => formatDateTime(at),
    },
  ];
  if (manage)
    columns.push({
      title: '操作',
      key: 'actions',
      render: (_, rule) => (
        <Popconfirm
          title={`确定取消“${rule.sourceOrg.name}”的指定报送路径？`}
          description="取消后该单位报送的信息按默认规则接收。"
          okButtonProps={{ danger: true }}
          onConfirm={() => remove(rule)}
        >
          <Button type="link" size="small" danger data-testid="routing-delete">
            取消指定
          </Button>
        </Popconfirm>
      ),
    });

  return (
    <PageCard
      title="报送路径"
      actions={
        manage && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setAdding(true)}
            data-testid="routing-create"
          >
            设置指定路径
          </Button>
        )
      }
    >
      <Typography.Paragraph data-testid="routing-default-rule">
        默认规则：各单位报送的信息，由本单位或其上级中最近的一级政协（省、市、县级政协）信息部门接收；个别单位需改由其他政协接收的，在此设置指定报送路径。
      </Typography.Paragraph>
      <Card size="small" title="查询报送路径" style={{ marginBottom: 16 }}>
        <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 8 }}>
          <OrgTreeSelect
            orgs={orgs}
            allowClear
            placeholder="选择要查询的单位"
            value={probe}
            onChange={(orgId) => setProbe(orgId ?? undefined)}
            style={{ width: 280 }}
            data-testid="routing-probe"
          />
          <RoutingPreviewText key={changes} orgId={probe} />
        </div>
      </Card>
      <Typography.Title level={5}>指定报送路径</Typography.Title>
      <div data-testid="routing-table">
        <Table<RoutingRule>
          rowKey="id"
          size="middle"
          loading={list.loading}
          dataSource={list.data?.data ?? []}
          columns={columns}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (total) => `共 ${total} 条` }}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: '暂无指定报送路径，各单位均按默认规则报送' }}
        />
      </div>
      <RoutingRuleModal
        open={adding}
        orgs={orgs}
        onClose={() => setAdding(false)}
        onSaved={() => {
          setAdding(false);
          changed();
        }}
      />
    </PageCard>
  );
}
