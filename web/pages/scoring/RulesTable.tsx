import { Descriptions, Table } from 'antd';
import {
  ADOPTION_BODIES,
  ADOPTION_BODY_KEYS,
  INSTRUCTION_RANK_KEYS,
  INSTRUCTION_RANKS,
} from '../../../shared/feedback.ts';
import { type ScoreRules, SPLIT_POLICIES } from '../../../shared/scoring.ts';

const pts = (n: number) => `${n}分`;

/** How the credited authors share an item's points, in words. */
export function splitText(rules: ScoreRules): string {
  const { policy, firstPercent, maxCredited } = rules.split;
  const base =
    policy === 'fixed'
      ? `第一作者得${firstPercent}%，其余作者平分${100 - firstPercent}%`
      : SPLIT_POLICIES[policy];
  return maxCredited ? `${base}；最多计前${maxCredited}名作者` : base;
}

/** One rule table, read-only: what each event is worth, bonuses, the cap and the split. */
export function RulesTable({ rules }: { rules: ScoreRules }) {
  return (
    <div data-testid="rules-table">
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, sm: 3 }}
        title="本级刊物编用"
        items={[
          { key: 'single', label: '单篇编发', children: pts(rules.own.single) },
          { key: 'combined', label: '综合编发', children: pts(rules.own.combined) },
          { key: 'referred', label: '转办', children: pts(rules.own.referred) },
        ]}
      />
      <Table
        size="small"
        style={{ marginTop: 12 }}
        pagination={false}
        rowKey="key"
        title={() => <strong>上级采用</strong>}
        dataSource={ADOPTION_BODY_KEYS.map((k) => ({
          key: k,
          name: ADOPTION_BODIES[k],
          ...rules.adoption[k],
        }))}
        columns={[
          { title: '采用单位', dataIndex: 'name' },
          { title: '单篇采用', dataIndex: 'single', render: pts },
          { title: '综合采用、摘报、原稿转送', dataIndex: 'combined', render: pts },
        ]}
      />
      <Descriptions
        size="small"
        bordered
        style={{ marginTop: 12 }}
        column={{ xs: 1, sm: 3 }}
        title="领导批示"
        items={INSTRUCTION_RANK_KEYS.map((k) => ({
          key: k,
          label: INSTRUCTION_RANKS[k],
          children: pts(rules.instruction[k]),
        }))}
      />
      <Descriptions
        size="small"
        bordered
        style={{ marginTop: 12 }}
        column={{ xs: 1, sm: 2 }}
        title="加分、封顶与分配"
        items={[
          {
            key: 'own',
            label: '委员加分（本级编用）',
            children: `省政协委员${pts(rules.bonus.own.province)}，全国政协委员${pts(rules.bonus.own.national)}`,
          },
          {
            key: 'up',
            label: '委员加分（上级采用）',
            children: `省政协委员${pts(rules.bonus.upstream.province)}，全国政协委员${pts(rules.bonus.upstream.national)}`,
          },
          {
            key: 'solicited',
            label: '约稿被上级采用',
            children: `每次加${pts(rules.bonus.solicited ?? 0)}`,
          },
          {
            key: 'cap',
            label: '单条信息累计上限',
            children: rules.capPerItem === null ? '不设上限' : pts(rules.capPerItem),
          },
          { key: 'split', label: '联名作者分配', children: splitText(rules) },
          {
            key: 'unit',
            label: '报送单位',
            children: rules.unitParallel ? '按信息全额计分（与作者并行）' : '不单独计分',
          },
        ]}
      />
    </div>
  );
}
