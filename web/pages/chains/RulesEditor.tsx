import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Select, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { CHAIN_CONDITION_KEYS, CHAIN_CONDITIONS, type ChainCondition } from '../../../shared/issues.ts';
import { rulesInput } from '../../../shared/schemas/issues.ts';
import { ApiError, api, type ListResponse, type RecordResponse, toQuery } from '../../api/client.ts';
import { RowMoveActions } from '../../components/RowMoveActions.tsx';
import { useApiData } from '../../components/use-desk-data.ts';
import { useNotifyError } from '../../components/use-notify.ts';
import type { PublicationView } from '../publications/publication-types.ts';
import type { ChainView, RulesView } from './chain-types.ts';

interface Props {
  orgId: number;
  chains: readonly ChainView[];
  manage: boolean;
}

interface Row {
  key: number;
  condition: ChainCondition;
  /** null: all publications. */
  publicationId: number | null;
  chainId: number | undefined;
}

/** The select value standing for “all publications”. */
const ALL = 0;

const conditionOptions = CHAIN_CONDITION_KEYS.map((k) => ({ value: k, label: CHAIN_CONDITIONS[k] }));

const sameRules = (a: readonly Row[], b: readonly Row[]) =>
  a.length === b.length &&
  a.every(
    (r, i) =>
      r.condition === b[i]?.condition &&
      r.publicationId === b[i]?.publicationId &&
      r.chainId === b[i]?.chainId,
  );

/**
 * The ordered rules choosing an issue's chain (R3.5): the first rule whose condition and
 * publication fit the issue decides. Saved as a whole; the server refuses a list whose last rule
 * does not catch every issue.
 */
export function RulesEditor({ orgId, chains, manage }: Props) {
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const answer = useApiData<RecordResponse<RulesView, { manage: boolean }>>(
    `/approval-rules${toQuery({ orgId })}`,
  );
  const publications = useApiData<ListResponse<PublicationView, unknown>>(
    `/publications${toQuery({ orgId })}`,
    {
      quiet: true,
    },
  );
  const nextKey = useRef(1);
  const [saved, setSaved] = useState<Row[]>([]);
  const [rows, setRows] = useState<Row[]>([]);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  /** Someone else saved the rules since they were loaded: offer the latest. */
  const [stale, setStale] = useState(false);
  const { reload } = answer;

  useEffect(() => {
    const loaded = (answer.data?.data.rules ?? []).map((r) => ({
      key: nextKey.current++,
      condition: r.condition,
      publicationId: r.publicationId,
      chainId: r.chainId,
    }));
    setSaved(loaded);
    setRows(loaded);
    setError(null);
    setStale(false);
  }, [answer.data]);

  const editable = manage && (answer.data?.abilities.manage ?? false);
  const dirty = !sameRules(rows, saved);

  const publicationOptions = useMemo(
    () => [
      { value: ALL, label: '全部刊物' },
      ...(publications.data?.data ?? []).map((p) => ({ value: p.id, label: `《${p.name}》` })),
    ],
    [publications.data],
  );
  const chainOptions = useMemo(
    () =>
      chains.map((c) => ({
        value: c.id,
        label: c.active ? c.name : `${c.name}（已停用）`,
        disabled: !c.active,
      })),
    [chains],
  );

  const change = (key: number, patch: Partial<Row>) => {
    setRows((prev) => prev.map((r) => (r.key === key ? { ...r, ...patch } : r)));
    setError(null);
  };
  const move = (index: number, to: number) => {
    setRows((prev) => {
      const next = [...prev];
      const [moved] = next.splice(index, 1);
      if (moved) next.splice(to, 0, moved);
      return next;
    });
    setError(null);
  };
  const remove = (key: number) => {
    setRows((prev) => prev.filter((r) => r.key !== key));
    setError(null);
  };
  /** A new rule goes before the closing catch-all rule, where a narrower rule belongs. */
  const add = () => {
    setRows((prev) => {
      const rule: Row = {
        key: nextKey.current++,
        condition: 'top_leaders',
        publicationId: null,
        chainId: undefined,
      };
      const lastRule = prev[prev.length - 1];
      const catchAll = lastRule?.condition === 'always' && lastRule.publicationId === null;
      return catchAll ? [...prev.slice(0, -1), rule, lastRule] : [...prev, rule];
    });
    setError(null);
  };

  const save = async () => {
    const body = {
      orgId,
      // Saved against the rules as loaded: the server refuses a save over a newer change.
      stamp: answer.data?.data.stamp ?? '',
      rules: rows.map(({ condition, publicationId, chainId }) => ({ condition, publicationId, chainId })),
    };
    const missing = rows.findIndex((r) => r.chainId === undefined);
    if (missing >= 0) {
      setError(`第${missing + 1}条规则请选择审签流程`);
      return;
    }
    const parsed = rulesInput.safeParse(body);
    if (!parsed.success) {
      const [first] = parsed.error.issues;
      const index = first?.path[1];
      setError(
        typeof index === 'number' ? `第${index + 1}条规则：${first?.message}` : (first?.message ?? ''),
      );
      return;
    }
    setSaving(true);
    try {
      await api.put('/approval-rules', parsed.data);
      message.success('审签规则已保存');
      reload();
    } catch (e) {
      // The server's reason (e.g. the last rule must catch every issue) stays in view.
      if (e instanceof ApiError) {
        setError(e.message);
        setStale(e.code === 'CONFLICT');
      } else notifyError(e);
    } finally {
      setSaving(false);
    }
  };

  const columns: TableColumnsType<Row> = [
    { title: '顺序', key: 'index', width: 64, render: (_, __, index) => index + 1 },
    {
      title: '适用情形',
      key: 'condition',
      render: (_, row) => (
        <Select<ChainCondition>
          value={row.condition}
          options={conditionOptions}
          disabled={!editable}
          onChange={(condition) => change(row.key, { condition })}
          style={{ minWidth: 220 }}
          aria-label="适用情形"
          data-testid="rule-condition"
        />
      ),
    },
    {
      title: '刊物',
      key: 'publication',
      render: (_, row) => (
        <Select<number>
          value={row.publicationId ?? ALL}
          options={publicationOptions}
          disabled={!editable}
          onChange={(id) => change(row.key, { publicationId: id === ALL ? null : id })}
          style={{ minWidth: 180 }}
          aria-label="适用刊物"
          data-testid="rule-publication"
        />
      ),
    },
    {
      title: '审签流程',
      key: 'chain',
      render: (_, row) => (
        <Select<number>
          value={row.chainId}
          options={chainOptions}
          disabled={!editable}
          placeholder="请选择审签流程"
          onChange={(chainId) => change(row.key, { chainId })}
          style={{ minWidth: 220 }}
          aria-label="审签流程"
          data-testid="rule-chain"
        />
      ),
    },
  ];
  if (editable)
    columns.push({
      title: '操作',
      key: 'actions',
      width: 112,
      render: (_, row, index) => (
        <RowMoveActions
          index={index}
          count={rows.length}
          onMove={(to) => move(index, to)}
          onRemove={() => remove(row.key)}
          testId="rule"
        />
      ),
    });

  return (
    <div data-testid="rules-editor">
      <Typography.Paragraph type="secondary">
        送审时按以下顺序逐条比对，采用第一条适用的规则所指定的审签流程。最后一条规则须为“其他情形”并适用于全部刊物，以保证每期刊物都有审签流程。
      </Typography.Paragraph>
      <div data-testid="rules-table">
        <Table<Row>
          rowKey="key"
          size="middle"
          loading={answer.loading}
          dataSource={rows}
          columns={columns}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: '尚未设置审签规则，送审时将无法确定审签流程' }}
        />
      </div>
      {error && (
        <Alert
          type="error"
          showIcon
          title={error}
          style={{ marginTop: 12 }}
          closable={{ onClose: () => setError(null) }}
          action={
            stale && (
              <Button size="small" onClick={reload} data-testid="rules-reload">
                载入最新规则
              </Button>
            )
          }
          data-testid="rules-error"
        />
      )}
      {editable && (
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, marginTop: 12, alignItems: 'center' }}>
          <Button icon={<PlusOutlined />} onClick={add} disabled={rows.length >= 40} data-testid="rule-add">
            添加规则
          </Button>
          <div style={{ flex: 1 }} />
          {dirty && <Tag color="orange">有未保存的修改</Tag>}
          <Button
            disabled={!dirty || saving}
            onClick={() => {
              setRows(saved);
              setError(null);
            }}
            data-testid="rules-reset"
          >
            恢复已保存的规则
          </Button>
          <Button type="primary" loading={saving} disabled={!dirty} onClick={save} data-testid="rules-save">
            保存规则
          </Button>
        </div>
      )}
    </div>
  );
}
