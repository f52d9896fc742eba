import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Collapse, Empty, Popconfirm, Skeleton, Space, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { chineseDate } from '../../../shared/issues.ts';
import type { RuleSetView } from '../../../shared/schemas/scoring.ts';
import { api, type ListResponse } from '../../api/client.ts';
import { DeskSwitcher } from '../../components/DeskSwitcher.tsx';
import { PageCard } from '../../components/PageCard.tsx';
import { useApiData } from '../../components/use-desk-data.ts';
import { useNotifyError } from '../../components/use-notify.ts';
import { RuleSetDrawer } from './RuleSetDrawer.tsx';
import { RulesTable } from './RulesTable.tsx';

interface Abilities {
  orgs: { id: number; name: string }[];
  manage: number[];
  today: string;
}

const STATUS: Record<RuleSetView['status'], { label: string; color: string }> = {
  current: { label: '现行', color: 'green' },
  pending: { label: '待生效', color: 'blue' },
  past: { label: '已停用', color: 'default' },
};

const setKey = (s: RuleSetView) => String(s.id ?? 'default');

/**
 * The scoring rule tables (计分规则) of a CPPCC as a timeline: the built-in default, then each
 * table from its effective day. The director adds tables; one not yet in force may be changed or
 * withdrawn; one in force never changes.
 */
export function ScoringPage() {
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const list = useApiData<ListResponse<RuleSetView, Abilities>>('/score-rule-sets');
  const abilities = list.data?.abilities;
  const [chosen, setChosen] = useState<number | null>(null);
  const orgId = chosen ?? abilities?.orgs[0]?.id ?? null;
  const sets = useMemo(() => (list.data?.data ?? []).filter((s) => s.orgId === orgId), [list.data, orgId]);
  const current = sets.find((s) => s.status === 'current');
  const manage = orgId !== null && (abilities?.manage.includes(orgId) ?? false);
  const [target, setTarget] = useState<{ base: RuleSetView; editing: boolean } | null>(null);

  const remove = async (s: RuleSetView) => {
    try {
      await api.delete(`/score-rule-sets/${s.id}`);
      message.success('已删除待生效的计分规则');
      list.reload();
    } catch (error) {
      notifyError(error);
    }
  };

  return (
    <PageCard
      title="计分规则"
      actions={
        manage &&
        current && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setTarget({ base: current, editing: false })}
            data-testid="rules-create"
          >
            新建计分规则
          </Button>
        )
      }
    >
      <div style={{ marginBottom: 12 }}>
        <DeskSwitcher orgs={abilities?.orgs ?? []} value={orgId ?? undefined} onChange={setChosen} />
      </div>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title="计分规则如何施行"
        description={
          <ul style={{ margin: 0, paddingInlineStart: 18 }}>
            <li>
              每次编用、转办、采用和批示，按事件发生当日施行的那套规则计分；每一分都记入计分明细，注明来源事件和规则。
            </li>
            <li>新规则自生效日期起施行，此前的得分不变。已生效的规则不能修改，如需调整请新建一套。</li>
            <li>生效日期不晚于今天的，须写明追溯理由；保存前显示将改变的得分，保存后重算并记入审计日志。</li>
          </ul>
        }
      />
      {list.loading && !list.data ? (
        <Skeleton active />
      ) : list.failed && !list.data ? (
        <Alert type="error" showIcon title="计分规则加载失败，请刷新后重试" />
      ) : sets.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="您所在的政协没有可查看的计分规则" />
      ) : (
        <Collapse
          // Opens the table in force, also after a save made another one current.
          key={`${orgId}:${current ? setKey(current) : ''}`}
          data-testid="rule-sets"
          defaultActiveKey={current ? [setKey(current)] : []}
          items={[...sets].reverse().map((s) => ({
            key: setKey(s),
            label: (
              <Space wrap size={4} data-testid={`rule-set-${setKey(s)}`}>
                <Tag color={STATUS[s.status].color}>{STATUS[s.status].label}</Tag>
                <Typography.Text strong>{s.name}</Typography.Text>
                <Typography.Text type="secondary">
                  {s.id === null ? '系统默认，无生效日期' : `自${chineseDate(s.effectiveFrom)}起施行`}
                </Typography.Text>
              </Space>
            ),
            extra: s.editable && (
              // biome-ignore lint/a11y/noStaticElementInteractions: keeps the buttons from toggling the panel
              <span onClick={(e) => e.stopPropagation()} onKeyDown={(e) => e.stopPropagation()}>
                <Space size={4}>
                  <Button size="small" onClick={() => setTarget({ base: s, editing: true })}>
                    修改
                  </Button>
                  <Popconfirm title="删除这套尚未生效的计分规则？" onConfirm={() => remove(s)}>
                    <Button size="small" danger>
                      删除
                    </Button>
                  </Popconfirm>
                </Space>
              </span>
            ),
            children: (
              <>
                {s.id !== null && (
                  <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
                    {s.createdBy}制定{s.retroactiveReason ? `；追溯施行，理由：${s.retroactiveReason}` : ''}
                  </Typography.Paragraph>
                )}
                <RulesTable rules={s.rules} />
              </>
            ),
          }))}
        />
      )}
      {abilities && (
        <RuleSetDrawer
          target={target}
          today={abilities.today}
          onClose={() => setTarget(null)}
          onSaved={() => {
            setTarget(null);
            list.reload();
          }}
        />
      )}
    </PageCard>
  );
}
