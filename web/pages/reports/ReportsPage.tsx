import { DownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Input, Segmented, Select, Skeleton, Space, Table, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import {
  REPORT_KINDS,
  type ReportKind,
  type ReportModel,
  type ReportTable,
} from '../../../shared/schemas/reports.ts';
import { toQuery } from '../../api/client.ts';
import { DeskSwitcher } from '../../components/DeskSwitcher.tsx';
import { beijingToday } from '../../components/format.ts';
import { PageCard } from '../../components/PageCard.tsx';
import { useApiData } from '../../components/use-desk-data.ts';
import { useNotifyError } from '../../components/use-notify.ts';
import { downloadFile } from '../issues/issue-format.ts';

const HINTS: Record<string, string> = {
  requirements: '下一步工作要求：已给出常用表述，请按本季度情况修改。每段一行。',
  problems: '存在的问题：请按实际情况填写，每段一行；不填写的，报告中不列此部分。',
  plans: '下一步工作打算：已给出常用表述，请按实际情况修改。每段一行。',
};

function AnnexTable({ table }: { table: ReportTable }) {
  return (
    <Table
      size="small"
      pagination={false}
      scroll={{ x: 560 }}
      title={() => <strong>{table.title}</strong>}
      rowKey={(r) => String(r[0]) + String(r[1])}
      dataSource={table.rows}
      columns={table.headers.map((h, i) => ({
        title: h,
        key: h,
        align: table.numeric[i] ? ('right' as const) : ('left' as const),
        render: (_: unknown, r: (string | number)[]) => r[i],
      }))}
    />
  );
}

/**
 * 通报与报告: the quarterly notification (R4.7) and the half-yearly and annual work reports
 * (R4.1). Figures come from the statistics; the office edits its own sections on the page and
 * downloads the Word file (official layout) or the Excel annexes.
 */
export function ReportsPage() {
  const notifyError = useNotifyError();
  const { message } = App.useApp();
  const [kind, setKind] = useState<ReportKind>('quarter');
  // By default the last quarter (and half-year) that has ended, as reports are written after it.
  const today = beijingToday();
  const lastQuarter = Math.ceil(today.month / 3) - 1;
  const [quarterYear, setQuarterYear] = useState(lastQuarter === 0 ? today.year - 1 : today.year);
  const [quarter, setQuarter] = useState(lastQuarter === 0 ? 4 : lastQuarter);
  const [halfYear, setHalfYear] = useState(today.month > 6 ? today.year : today.year - 1);
  const [half, setHalf] = useState(today.month > 6 ? 1 : 2);
  const [yearOnly, setYearOnly] = useState(today.year);
  const year = kind === 'quarter' ? quarterYear : kind === 'half' ? halfYear : yearOnly;
  const setYear = kind === 'quarter' ? setQuarterYear : kind === 'half' ? setHalfYear : setYearOnly;
  const [orgId, setOrgId] = useState<number | undefined>();
  const index = kind === 'quarter' ? quarter : kind === 'half' ? half : 0;
  const query = toQuery({ kind, year, index, orgId });
  const data = useApiData<{ data: ReportModel; abilities: { orgs: { id: number; name: string }[] } }>(
    `/reports${query}`,
  );
  const model = data.data?.data;
  const [texts, setTexts] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState<'docx' | 'xlsx' | null>(null);

  // A new document starts from its default words.
  useEffect(() => {
    if (!model) return;
    setTexts(
      Object.fromEntries(
        model.sections.filter((s) => s.editable).map((s) => [s.editable as string, s.paragraphs.join('\n')]),
      ),
    );
  }, [model]);

  const years = useMemo(() => Array.from({ length: 6 }, (_, i) => beijingToday().year - i), []);
  const download = async (format: 'docx' | 'xlsx') => {
    if (!model) return;
    setBusy(format);
    try {
      await downloadFile('/api/reports/file', `${model.title}.${format}`, {
        kind,
        year,
        index,
        ...(orgId ? { orgId } : {}),
        texts,
        format,
      });
      message.success(format === 'docx' ? 'Word文件已生成' : 'Excel附表已生成');
    } catch (error) {
      notifyError(error);
    } finally {
      setBusy(null);
    }
  };

  return (
    <PageCard
      title="通报与报告"
      actions={
        <Space wrap>
          <Button
            type="primary"
            icon={<DownloadOutlined />}
            loading={busy === 'docx'}
            disabled={!model || data.loading}
            onClick={() => download('docx')}
            data-testid="report-docx"
          >
            下载Word
          </Button>
          <Button
            icon={<DownloadOutlined />}
            loading={busy === 'xlsx'}
            disabled={!model || data.loading}
            onClick={() => download('xlsx')}
            data-testid="report-xlsx"
          >
            下载Excel附表
          </Button>
        </Space>
      }
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <Segmented
          value={kind}
          onChange={(v) => setKind(v as ReportKind)}
          options={Object.entries(REPORT_KINDS).map(([value, label]) => ({ value, label }))}
          data-testid="report-kind"
        />
        <Select
          value={year}
          onChange={setYear}
          style={{ width: 110 }}
          options={years.map((y) => ({ value: y, label: `${y}年` }))}
        />
        {kind === 'quarter' && (
          <Select
            value={quarter}
            onChange={setQuarter}
            style={{ width: 120 }}
            options={[1, 2, 3, 4].map((q) => ({ value: q, label: `第${'一二三四'[q - 1]}季度` }))}
            data-testid="report-quarter"
          />
        )}
        {kind === 'half' && (
          <Select
            value={half}
            onChange={setHalf}
            style={{ width: 110 }}
            options={[
              { value: 1, label: '上半年' },
              { value: 2, label: '下半年' },
            ]}
          />
        )}
        <DeskSwitcher
          orgs={data.data?.abilities.orgs ?? []}
          value={orgId ?? data.data?.abilities.orgs[0]?.id}
          onChange={setOrgId}
        />
      </Space>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        title="数字取自统计分析，与“统计分析”页面一致；可编辑部分修改后再下载。"
      />
      {data.loading && !model ? (
        <Skeleton active />
      ) : (
        model && (
          <div data-testid="report-preview" style={{ maxWidth: 820 }}>
            <Typography.Title level={4} style={{ textAlign: 'center' }} data-testid="report-title">
              {model.title}
            </Typography.Title>
            <Typography.Paragraph>{model.salutation}</Typography.Paragraph>
            {model.sections.map((s, si) => (
              <div key={s.heading || 'lead'}>
                {s.heading && <Typography.Text strong>{s.heading}</Typography.Text>}
                {s.editable ? (
                  <>
                    <Typography.Paragraph type="secondary" style={{ margin: '4px 0' }}>
                      {HINTS[s.editable]}
                    </Typography.Paragraph>
                    <Input.TextArea
                      autoSize={{ minRows: 3, maxRows: 12 }}
                      maxLength={3000}
                      value={texts[s.editable] ?? ''}
                      onChange={(e) => setTexts({ ...texts, [s.editable as string]: e.target.value })}
                      data-testid={`report-text-${s.editable}`}
                    />
                  </>
                ) : (
                  s.paragraphs.map((p) => (
                    <Typography.Paragraph key={p} style={{ textIndent: '2em', marginBottom: 8 }}>
                      {p}
                    </Typography.Paragraph>
                  ))
                )}
                {s.charts.map((c, ci) => {
                  const n = model.sections.slice(0, si).reduce((sum, x) => sum + x.charts.length, 0) + ci + 1;
                  return (
                    <figure key={c.title} style={{ margin: '8px 0 16px', textAlign: 'center' }}>
                      <img
                        src={`/api/reports/chart${query}&n=${n}`}
                        alt={c.title}
                        style={{ maxWidth: '100%', width: 600 }}
                        data-testid="report-chart"
                      />
                      <figcaption>
                        图{n}　{c.title}
                      </figcaption>
                    </figure>
                  );
                })}
              </div>
            ))}
            <Typography.Paragraph style={{ textAlign: 'right', marginTop: 16 }}>
              {model.office}
              <br />
              {model.date}
            </Typography.Paragraph>
            {model.annexes.map((a) => (
              <div key={a.title} style={{ marginTop: 16 }}>
                <AnnexTable table={a} />
              </div>
            ))}
          </div>
        )
      )}
    </PageCard>
  );
}
