import { Button, Table, type TableColumnsType, type TableColumnType, Tooltip, Typography } from 'antd';
import {
  STATS_MEASURES,
  STATS_RATES,
  type StatsDimension,
  type StatsFigures,
  type StatsMeasure,
  type StatsRow,
} from '../../../shared/schemas/stats.ts';
import { percent } from './stats-api.ts';

const FIRST: Record<StatsDimension, string> = {
  org: '报送单位',
  member: '委员',
  city: '市',
  topic: '信息分类',
  trend: '时间',
};

/** Column groups as offices read them; a measure's hint is its header's tooltip. */
const GROUPS: { title?: string; measures: StatsMeasure[] }[] = [
  { measures: ['submitted', 'registered'] },
  { title: '编用', measures: ['published', 'publishedSingle', 'publishedCombined'] },
  { measures: ['referred', 'forwarded'] },
  { title: '采用', measures: ['adoptedNational', 'adoptedProvincial', 'adoptedOther', 'forwardedAdopted'] },
  {
    title: '批示',
    measures: [
      'instructionCentral',
      'instructionProvincialMain',
      'instructionProvincial',
      'instructionBureau',
      'instructionCity',
    ],
  },
  { measures: ['points'] },
];

const SHORT: Partial<Record<StatsMeasure, string>> = {
  published: '合计',
  publishedSingle: '单篇',
  publishedCombined: '综合',
  adoptedNational: '国家级',
  adoptedProvincial: '省级',
  adoptedOther: '其他',
  instructionCentral: '中央',
  instructionProvincialMain: '省主要',
  instructionProvincial: '省级',
  instructionBureau: '厅局级',
  instructionCity: '市级',
};

export interface Figure {
  key: string;
  label: string;
  measure: StatsMeasure;
  value: number;
}

interface Props {
  dimension: StatsDimension;
  rows: StatsRow[];
  totals: StatsFigures;
  loading: boolean;
  onDrill: (figure: Figure) => void;
}

/** One dimension's table: every figure opens the items behind it; every column sorts. */
export function StatsTable({ dimension, rows, totals, loading, onDrill }: Props) {
  const cell = (m: StatsMeasure) => (value: number, row: StatsRow) =>
    value === 0 ? (
      <Typography.Text type="secondary">0</Typography.Text>
    ) : (
      <Button
        type="link"
        size="small"
        style={{ padding: 0 }}
        data-testid="stats-figure"
        data-measure={m}
        data-row={row.label}
        onClick={() => onDrill({ key: row.key, label: row.label, measure: m, value })}
      >
        {value}
      </Button>
    );
  const column = (m: StatsMeasure): TableColumnType<StatsRow> => ({
    title: <Tooltip title={STATS_MEASURES[m].hint}>{SHORT[m] ?? STATS_MEASURES[m].label}</Tooltip>,
    key: m,
    dataIndex: ['figures', m],
    align: 'right',
    width: m === 'points' ? 80 : 64,
    sorter: (a: StatsRow, b: StatsRow) => a.figures[m] - b.figures[m],
    render: cell(m),
  });
  const rate = (r: keyof typeof STATS_RATES): TableColumnType<StatsRow> => ({
    title: <Tooltip title={STATS_RATES[r].hint}>{STATS_RATES[r].label}</Tooltip>,
    key: r,
    align: 'right',
    width: 76,
    sorter: (a: StatsRow, b: StatsRow) => (a.figures[r] ?? -1) - (b.figures[r] ?? -1),
    render: (_: unknown, row: StatsRow) => percent(row.figures[r]),
  });
  const columns: TableColumnsType<StatsRow> = [
    {
      title: FIRST[dimension],
      key: 'label',
      fixed: 'left',
      width: dimension === 'trend' ? 150 : 180,
      sorter: dimension === 'trend' ? undefined : (a, b) => a.label.localeCompare(b.label, 'zh-CN'),
      render: (_, row) => (
        <>
          <div>{row.label}</div>
          {row.note && dimension !== 'trend' && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {row.note}
            </Typography.Text>
          )}
        </>
      ),
    },
    ...GROUPS.flatMap(
      (g): TableColumnsType<StatsRow> =>
        g.title ? [{ title: g.title, children: g.measures.map(column) }] : g.measures.map(column),
    ),
    rate('publishRate'),
    rate('adoptionRate'),
  ];
  const leaves = GROUPS.flatMap((g) => g.measures);
  return (
    <Table<StatsRow>
      data-testid={`stats-table-${dimension}`}
      rowKey="key"
      size="small"
      bordered
      loading={loading}
      columns={columns}
      dataSource={rows}
      pagination={rows.length > 100 ? { pageSize: 100, showSizeChanger: false } : false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: '本统计期内没有数据' }}
      summary={() => (
        <Table.Summary fixed="bottom">
          <Table.Summary.Row>
            <Table.Summary.Cell index={0}>
              <strong>合计</strong>
            </Table.Summary.Cell>
            {leaves.map((m, i) => (
              <Table.Summary.Cell key={m} index={i + 1} align="right">
                <span data-testid={`stats-total-${m}`}>{totals[m]}</span>
              </Table.Summary.Cell>
            ))}
            <Table.Summary.Cell index={leaves.length + 1} align="right">
              {percent(totals.publishRate)}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={leaves.length + 2} align="right">
              {percent(totals.adoptionRate)}
            </Table.Summary.Cell>
          </Table.Summary.Row>
        </Table.Summary>
      )}
    />
  );
}
