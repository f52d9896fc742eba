import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Form,
  Grid,
  Modal,
  Radio,
  Select,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import {
  ISSUE_KIND_KEYS,
  ISSUE_KINDS,
  ISSUE_STATE_KEYS,
  ISSUE_STATES,
  ISSUE_URGENCIES,
  ISSUE_URGENCY_KEYS,
  type IssueKind,
  type IssueState,
  type IssueUrgency,
} from '../../../shared/issues.ts';
import { toQuery } from '../../api/client.ts';
import { PageCard } from '../../components/PageCard.tsx';
import { useApiData } from '../../components/use-desk-data.ts';
import { useNotifyError } from '../../components/use-notify.ts';
import { usePagedList } from '../../components/use-paged-list.ts';
import { IssueCards } from './IssueCards.tsx';
import { type IssueSummary, issueApi, type PublicationList } from './issue-api.ts';
import { fullDate, listTime, STATE_COLORS, URGENCY_COLORS } from './issue-format.ts';

type IssueFilters = { publicationId?: number; status?: IssueState; year?: number };

const positive = (value: string | null) => {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : undefined;
};

function filtersFrom(params: URLSearchParams): IssueFilters {
  const year = positive(params.get('year'));
  return {
    publicationId: positive(params.get('publicationId')),
    status: ISSUE_STATE_KEYS.find((s) => s === params.get('status')),
    year: year && year >= 2000 && year <= 2100 ? year : undefined,
  };
}

function searchFrom(filters: IssueFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value !== undefined) params.set(key, String(value));
  return params;
}

const columns: TableColumnsType<IssueSummary> = [
  {
    title: '期次',
    dataIndex: 'label',
    render: (_, issue) => (
      <div>
        <Link to={`/issues/${issue.id}`} data-testid="issue-row-link">
          {issue.label}
        </Link>
        {issue.topLeaders && (
          <Tag color="red" style={{ marginInlineStart: 6 }}>
            报省委书记、省长
          </Tag>
        )}
      </div>
    ),
  },
  {
    title: '状态',
    dataIndex: 'status',
    width: 90,
    render: (status: IssueState) => <Tag color={STATE_COLORS[status]}>{ISSUE_STATES[status]}</Tag>,
  },
  {
    title: '紧急程度',
    dataIndex: 'urgency',
    width: 90,
    render: (u: IssueUrgency) => <Tag color={URGENCY_COLORS[u]}>{ISSUE_URGENCIES[u]}</Tag>,
  },
  { title: '信息', dataIndex: 'itemCount', width: 70, render: (n: number) => `${n}条` },
  {
    title: '当前环节',
    key: 'step',
    width: 200,
    render: (_, issue) =>
      issue.status === 'reviewing' ? (
        <span>
          {issue.currentStep ?? '—'}
          {issue.waitingFor.length > 0 && (
            <Typography.Text type="secondary">（待{issue.waitingFor.join('、')}）</Typography.Text>
          )}
        </span>
      ) : issue.status === 'issued' ? (
        <Typography.Text type="secondary">{fullDate(issue.signedAt)}签发</Typography.Text>
      ) : (
        <Typography.Text type="secondary">编排中</Typography.Text>
      ),
  },
  { title: '编辑', dataIndex: ['compiledBy', 'name'], width: 90 },
  { title: '更新时间', dataIndex: 'updatedAt', width: 130, render: (at: string) => listTime(at) },
];

/** 刊物编发: every issue of the user's CPPCCs, filtered by publication, state and year. */
export function IssuesPage() {
  const navigate = useNavigate();
  const wide = Grid.useBreakpoint().md ?? false;
  const [params, setParams] = useSearchParams();
  const fromAddress = useMemo(() => filtersFrom(params), [params]);
  const list = usePagedList<IssueSummary, { compile: boolean }, IssueFilters>('/issues', fromAddress);
  const publications = useApiData<PublicationList>(issueApi.publicationsPath, { quiet: true });
  const [creating, setCreating] = useState(false);

  const { filters, setFilters } = list;
  useEffect(() => {
    if (toQuery(fromAddress) !== toQuery(filters)) setFilters(fromAddress);
  }, [fromAddress, filters, setFilters]);
  const set = (patch: Partial<IssueFilters>) =>
    setParams(searchFrom({ ...filters, ...patch }), { replace: true });

  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: 6 }, (_, i) => thisYear - i);
  const pubs = publications.data?.data ?? [];
  const canCreate = (list.abilities?.compile ?? false) || (publications.data?.abilities.compile ?? false);

  return (
    <PageCard
      title="刊物编发"
      actions={
        <>
          <Button icon={<ReloadOutlined />} onClick={list.reload} block={!wide}>
            刷新
          </Button>
          {canCreate && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              block={!wide}
              data-testid="issue-create"
            >
              新编一期
            </Button>
          )}
        </>
      }
    >
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, marginBottom: 12 }}>
        <Select
          allowClear
          placeholder="全部刊物"
          value={filters.publicationId}
          onChange={(publicationId) => set({ publicationId })}
          options={pubs.map((p) => ({ value: p.id, label: `《${p.name}》` }))}
          style={{ width: wide ? 200 : '100%' }}
          data-testid="issues-filter-publication"
        />
        <Select
          allowClear
          placeholder="全部状态"
          value={filters.status}
          onChange={(status) => set({ status })}
          options={ISSUE_STATE_KEYS.map((s) => ({ value: s, label: ISSUE_STATES[s] }))}
          style={{ width: wide ? 130 : 'calc(50% - 4px)' }}
          data-testid="issues-filter-status"
        />
        <Select
          allowClear
          placeholder="全部年度"
          value={filters.year}
          onChange={(year) => set({ year })}
          options={years.map((y) => ({ value: y, label: `${y}年` }))}
          style={{ width: wide ? 120 : 'calc(50% - 4px)' }}
          data-testid="issues-filter-year"
        />
      </div>
      {wide ? (
        <div data-testid="issues-table">
          <Table<IssueSummary>
            rowKey="id"
            size="middle"
            loading={list.loading}
            dataSource={list.data}
            columns={[
              ...columns,
              {
                title: '操作',
                key: 'open',
                width: 80,
                render: (_, issue) => (
                  <Button
                    size="small"
                    onClick={() => navigate(`/issues/${issue.id}`)}
                    data-testid="issue-open"
                  >
                    打开
                  </Button>
                ),
              },
            ]}
            pagination={list.pagination}
            scroll={{ x: 1000 }}
            locale={{ emptyText: '暂无期次' }}
          />
        </div>
      ) : (
        <IssueCards
          issues={list.data}
          loading={list.loading}
          total={list.total}
          page={list.pagination.current ?? 1}
          pageSize={list.pagination.pageSize ?? 20}
          onPage={(page) => list.pagination.onChange?.(page, list.pagination.pageSize ?? 20)}
          empty="暂无期次"
          testId="issues-cards"
        />
      )}
      <CreateIssueModal
        open={creating}
        publications={pubs.filter((p) => p.active)}
        onClose={() => setCreating(false)}
        onCreated={(id) => navigate(`/issues/${id}`)}
      />
    </PageCard>
  );
}

interface CreateValues {
  publicationId: number;
  kind: IssueKind;
  urgency: IssueUrgency;
}

function CreateIssueModal({
  open,
  publications,
  onClose,
  onCreated,
}: {
  open: boolean;
  publications: PublicationList['data'];
  onClose: () => void;
  onCreated: (id: number) => void;
}) {
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const [form] = Form.useForm<CreateValues>();
  const [busy, setBusy] = useState(false);
  const publicationId = Form.useWatch('publicationId', form);
  const chosen = publications.find((p) => p.id === publicationId);

  useEffect(() => {
    if (open) form.setFieldsValue({ publicationId: undefined, kind: 'regular', urgency: 'normal' });
  }, [open, form]);

  const submit = async (values: CreateValues) => {
    setBusy(true);
    try {
      const answer = await issueApi.create({ ...values, itemIds: [] });
      message.success('已新建，请编入信息');
      onCreated(answer.data.id);
    } catch (error) {
      notifyError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title="新编一期"
      okText="新建并编排"
      cancelText="取消"
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      forceRender
    >
      <Form name="issue-create" form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item name="publicationId" label="刊物" rules={[{ required: true, message: '请选择刊物' }]}>
          <Select
            placeholder="选择刊物"
            options={publications.map((p) => ({ value: p.id, label: `《${p.name}》` }))}
            data-testid="issue-create-publication"
          />
        </Form.Item>
        {chosen && (
          <Typography.Paragraph type="secondary" style={{ marginTop: -12 }}>
            {chosen.singleItem ? '每期刊发一条信息。' : ''}
            {chosen.perWeek > 0 ? `每周编发${chosen.perWeek}期，本周已签发${chosen.issuedThisWeek}期。` : ''}
            {chosen.inProgress > 0 ? `另有${chosen.inProgress}期正在编排或审签。` : ''}
          </Typography.Paragraph>
        )}
        <Form.Item name="kind" label="类别" extra="增刊另行编号（增刊第N期）">
          <Radio.Group
            optionType="button"
            options={ISSUE_KIND_KEYS.map((k) => ({ value: k, label: ISSUE_KINDS[k] }))}
          />
        </Form.Item>
        <Form.Item name="urgency" label="紧急程度">
          <Radio.Group
            optionType="button"
            options={ISSUE_URGENCY_KEYS.map((k) => ({ value: k, label: ISSUE_URGENCIES[k] }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
