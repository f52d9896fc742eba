import {
  ArrowDownOutlined,
  ArrowUpOutlined,
  DeleteOutlined,
  HolderOutlined,
  MinusCircleOutlined,
  PlusOutlined,
  SaveOutlined,
  SendOutlined,
} from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Empty,
  Grid,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Radio,
  Row,
  Space,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { type DragEvent, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { type BlockerFunction, useBlocker, useNavigate } from 'react-router';
import { ISSUE_KIND_KEYS, ISSUE_KINDS, ISSUE_URGENCIES, ISSUE_URGENCY_KEYS } from '../../../shared/issues.ts';
import { ITEM_STREAMS, type ItemStream } from '../../../shared/items.ts';
import { issueUpdate } from '../../../shared/schemas/issues.ts';
import { ApiError } from '../../api/client.ts';
import { useNotifyError } from '../../components/use-notify.ts';
import {
  type BoardItem,
  boardItemOf,
  boardItemOfCandidate,
  type CompileState,
  clearDraft,
  moved,
  readDraft,
  sameArrangement,
  stateOf,
  updateOf,
  withFreshItems,
  writeDraft,
} from './compile-state.ts';
import { type Candidate, type IssueRecord, issueApi } from './issue-api.ts';
import { fullDateTime } from './issue-format.ts';
import { RecipientsEditor } from './RecipientsEditor.tsx';

interface Props {
  record: IssueRecord;
  userId: number;
  /** The user opens items' own pages (item.edit). */
  openItems: boolean;
  onReplace: (record: IssueRecord) => void;
}

const streamLabel = (stream: string) => ITEM_STREAMS[stream as ItemStream] ?? stream;
const NOTE_MAX = 1000;

/** Where the working copy came from when the page opened. */
type Restored = { savedAt: string; behind: boolean } | null;

/**
 * The compile board (编排): the candidates on the left, the issue's items in order on the right
 * (drag and drop, or 上移/下移), the editor's note, urgency, kind, print run and recipients;
 * saved as a whole with the version the editor started from, then sent for signature.
 */
export function CompileBoard({ record, userId, openItems, onReplace }: Props) {
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const navigate = useNavigate();
  const wide = Grid.useBreakpoint().lg ?? false;
  const issue = record.data;
  const issueId = issue.id;

  const [start] = useState(() => {
    const draft = readDraft(userId, issueId);
    const server = stateOf(issue);
    if (draft && !sameArrangement(draft.state, server))
      return {
        state: draft.state,
        baseVersion: draft.baseVersion,
        restored: { savedAt: draft.savedAt, behind: draft.baseVersion !== issue.version } as Restored,
      };
    if (draft) clearDraft(userId, issueId);
    return { state: server, baseVersion: issue.version, restored: null as Restored };
  });
  const [state, setState] = useState<CompileState>(start.state);
  const [baseVersion, setBaseVersion] = useState(start.baseVersion);
  const [restored, setRestored] = useState<Restored>(start.restored);
  const [stale, setStale] = useState<string | null>(null);
  const [busy, setBusy] = useState<'save' | 'submit' | 'remove' | 'reload' | null>(null);
  const [confirming, setConfirming] = useState<IssueRecord | null>(null);
  const [candidates, setCandidates] = useState<Candidate[] | null>(null);
  const [candidateQuery, setCandidateQuery] = useState('');
  const [candidateKey, setCandidateKey] = useState(0);

  const saved = useMemo(() => stateOf(issue), [issue]);
  const dirty = baseVersion !== issue.version || !sameArrangement(state, saved);

  // A fresh copy from the server (刷新, another action) replaces an unchanged board. On a board
  // with changes of its own, or when only items changed (修改拟用稿 in another tab leaves the
  // issue's version as it was), the items' titles and lengths are brought up to date in place.
  const wasClean = useRef(!dirty);
  const mounted = useRef(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a new copy of the issue matters here
  useEffect(() => {
    if (issue.version !== baseVersion && wasClean.current) {
      setState(stateOf(issue));
      setBaseVersion(issue.version);
    } else {
      const fresh = new Map(issue.items.map((i) => [i.id, boardItemOf(i)]));
      setState((s) => {
        const items = withFreshItems(s.items, fresh);
        return items === s.items ? s : { ...s, items };
      });
    }
    // The candidates may have changed too.
    if (mounted.current) setCandidateKey((k) => k + 1);
    mounted.current = true;
  }, [issue]);
  useEffect(() => {
    wasClean.current = !dirty;
  });

  // The working copy is kept in the browser while it differs from what the server holds.
  useEffect(() => {
    if (dirty) writeDraft(userId, issueId, { baseVersion, savedAt: new Date().toISOString(), state });
    else clearDraft(userId, issueId);
  }, [dirty, state, baseVersion, userId, issueId]);

  // Items on the board that are not (yet) in the issue take fresh data from the candidates.
  const inIssue = useRef(new Set<number>());
  inIssue.current = new Set(issue.items.map((i) => i.id));
  // biome-ignore lint/correctness/useExhaustiveDependencies: candidateKey asks for a fresh list after a save
  useEffect(() => {
    const controller = new AbortController();
    issueApi
      .candidates(issue.publication.id, controller.signal)
      .then((answer) => {
        setCandidates(answer.data);
        const fresh = new Map(
          answer.data.filter((c) => !inIssue.current.has(c.id)).map((c) => [c.id, boardItemOfCandidate(c)]),
        );
        setState((s) => {
          const items = withFreshItems(s.items, fresh);
          return items === s.items ? s : { ...s, items };
        });
      })
      .catch((error: unknown) => {
        if (!controller.signal.aborted) notifyError(error);
      });
    return () => controller.abort();
  }, [issue.publication.id, candidateKey, notifyError]);

  // Warn before leaving with unsaved changes: a reload or closing the tab, and moves inside the app.
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);
  const leaving = useRef(false);
  const blocker = useBlocker(
    useCallback<BlockerFunction>(
      ({ currentLocation, nextLocation }) =>
        dirty && !leaving.current && currentLocation.pathname !== nextLocation.pathname,
      [dirty],
    ),
  );

  // Items that left the issue on the board but are still in it on the server are candidates again.
  const onBoard = new Set(state.items.map((i) => i.id));
  const pool: BoardItem[] = [
    ...saved.items.filter((i) => !onBoard.has(i.id)),
    ...(candidates ?? []).map(boardItemOfCandidate).filter((c) => !onBoard.has(c.id)),
  ];
  const q = candidateQuery.trim();
  const shownPool = q ? pool.filter((c) => c.title.includes(q) || (c.number ?? '').includes(q)) : pool;
  const full = issue.singleItem && state.items.length >= 1;

  const change = (patch: Partial<CompileState>) => setState((s) => ({ ...s, ...patch }));
  const move = (from: number, to: number) => setState((s) => ({ ...s, items: moved(s.items, from, to) }));

  // ------------------------------------------------------------------ drag and drop
  const dragFrom = useRef<number | null>(null);
  const [dropAt, setDropAt] = useState<number | null>(null);
  const onDragStart = (index: number) => (event: DragEvent<HTMLDivElement>) => {
    dragFrom.current = index;
    event.dataTransfer.effectAllowed = 'move';
    event.dataTransfer.setData('text/plain', String(state.items[index]?.id ?? ''));
  };
  const onDragOver = (index: number) => (event: DragEvent<HTMLDivElement>) => {
    if (dragFrom.current === null) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
    if (dropAt !== index) setDropAt(index);
  };
  const onDrop = (index: number) => (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    const from = dragFrom.current;
    dragFrom.current = null;
    setDropAt(null);
    if (from !== null) move(from, index);
  };
  const onDragEnd = () => {
    dragFrom.current = null;
    setDropAt(null);
  };

  // ------------------------------------------------------------------ save, submit, remove
  const validBody = (version: number) => {
    const body = updateOf(state, version);
    const parsed = issueUpdate.safeParse(body);
    if (!parsed.success) {
      message.error(parsed.error.issues[0]?.message ?? '编排内容不完整');
      return null;
    }
    if (issue.singleItem && body.itemIds.length > 1) {
      message.error(`《${issue.publication.name}》每期只刊发一条信息`);
      return null;
    }
    return parsed.data;
  };

  /** Saves the board at `version`; the saved record, or null when refused. */
  const save = async (version = baseVersion): Promise<IssueRecord | null> => {
    const body = validBody(version);
    if (!body) return null;
    try {
      const answer = await issueApi.save(issueId, body);
      clearDraft(userId, issueId);
      setState(stateOf(answer.data));
      setBaseVersion(answer.data.version);
      setRestored(null);
      setStale(null);
      setCandidateKey((k) => k + 1);
      onReplace(answer);
      return answer;
    } catch (error) {
      if (error instanceof ApiError && error.code === 'ISSUE_STALE') setStale(error.message);
      else notifyError(error);
      return null;
    }
  };

  const onSave = async () => {
    setBusy('save');
    const answer = await save();
    setBusy(null);
    if (answer) message.success('编排已保存');
  };

  const onSubmit = async () => {
    setBusy('submit');
    const current = dirty ? await save() : record;
    setBusy(null);
    if (current) setConfirming(current);
  };

  const confirmSubmit = async () => {
    if (!confirming) return;
    setBusy('submit');
    try {
      const answer = await issueApi.submit(issueId, confirming.data.version);
      clearDraft(userId, issueId);
      setConfirming(null);
      message.success('已送审');
      onReplace(answer);
    } catch (error) {
      setConfirming(null);
      if (error instanceof ApiError && error.code === 'ISSUE_STALE') setStale(error.message);
      else notifyError(error);
    } finally {
      setBusy(null);
    }
  };

  const onRemove = async () => {
    setBusy('remove');
    try {
      await issueApi.remove(issueId, issue.version);
      clearDraft(userId, issueId);
      message.success('本期已删除，其中的信息仍为拟用');
      leaving.current = true;
      navigate('/issues', { replace: true });
    } catch (error) {
      notifyError(error);
      setBusy(null);
    }
  };

  /** Someone else saved meanwhile: take their arrangement, or keep mine on top of theirs. */
  const resolveStale = async (keepMine: boolean) => {
    setBusy('reload');
    try {
      const latest = await issueApi.get(issueId);
      onReplace(latest);
      if (keepMine) {
        setBaseVersion(latest.data.version);
        setStale(null);
        if (latest.data.status !== 'compiling') return;
        const answer = await save(latest.data.version);
        if (answer) message.success('已按您的编排保存');
      } else {
        clearDraft(userId, issueId);
        setState(stateOf(latest.data));
        setBaseVersion(latest.data.version);
        setRestored(null);
        setStale(null);
        setCandidateKey((k) => k + 1);
      }
    } catch (error) {
      notifyError(error);
    } finally {
      setBusy(null);
    }
  };

  const discardLocal = () => {
    clearDraft(userId, issueId);
    setState(saved);
    setBaseVersion(issue.version);
    setRestored(null);
  };

  // ------------------------------------------------------------------ rendering
  const candidatesCard = (
    <Card
      size="small"
      title={`可编入的拟用信息${candidates ? `（${pool.length}）` : ''}`}
      styles={{ body: { padding: 12 } }}
      data-testid="issue-candidates"
    >
      <Input.Search
        allowClear
        aria-label="查找可编入的拟用信息"
        placeholder="按标题或编号查找"
        value={candidateQuery}
        onChange={(e) => setCandidateQuery(e.target.value)}
        style={{ marginBottom: 8 }}
      />
      {full && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 8 }}
          title={`《${issue.publication.name}》每期只刊发一条信息，如需更换请先移出已编入的信息。`}
        />
      )}
      <div style={{ maxHeight: wide ? 640 : 360, overflowY: 'auto' }}>
        {candidates === null ? (
          <Typography.Text type="secondary">正在加载…</Typography.Text>
        ) : shownPool.length === 0 ? (
          <Empty
            image={Empty.PRESENTED_IMAGE_SIMPLE}
            description={q ? '没有符合条件的信息' : '暂无可编入的拟用信息'}
          />
        ) : (
          shownPool.map((c) => (
            <div
              key={c.id}
              data-testid="candidate"
              data-item-id={c.id}
              style={{
                display: 'flex',
                gap: 8,
                alignItems: 'flex-start',
                padding: '8px 0',
                borderBottom: '1px solid rgba(5,5,5,0.06)',
              }}
            >
              <div style={{ flex: 1, minWidth: 0 }}>
                <Typography.Text strong style={{ display: 'block' }}>
                  {c.urgent && (
                    <Tag color="red" style={{ marginInlineEnd: 4 }}>
                      紧急
                    </Tag>
                  )}
                  {c.title}
                </Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {[c.number, streamLabel(c.stream), c.source, `${c.charCount}字`]
                    .filter(Boolean)
                    .join(' · ')}
                </Typography.Text>
              </div>
              <Button
                size="small"
                type="primary"
                ghost
                icon={<PlusOutlined />}
                disabled={full}
                onClick={() => change({ items: [...state.items, c] })}
                data-testid="candidate-add"
              >
                编入
              </Button>
            </div>
          ))
        )}
      </div>
    </Card>
  );

  const itemsList = (
    <div data-testid="board-items">
      {state.items.length === 0 && (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description="尚未编入信息，请从左侧（手机上为下方）选择拟用信息编入"
        />
      )}
      {state.items.map((item, index) => (
        // biome-ignore lint/a11y/noStaticElementInteractions: dragging is the mouse path; 上移/下移 are the keyboard and touch path
        <div
          key={item.id}
          draggable
          onDragStart={onDragStart(index)}
          onDragOver={onDragOver(index)}
          onDrop={onDrop(index)}
          onDragEnd={onDragEnd}
          data-testid="board-item"
          data-item-id={item.id}
          style={{
            display: 'flex',
            gap: 8,
            alignItems: 'center',
            padding: '8px 4px',
            marginBottom: 6,
            border: `1px ${dropAt === index ? 'dashed #1677ff' : 'solid rgba(5,5,5,0.08)'}`,
            borderRadius: 6,
            background: dropAt === index ? '#e6f4ff' : '#fff',
            flexWrap: wide ? 'nowrap' : 'wrap',
          }}
        >
          <HolderOutlined
            style={{ cursor: 'grab', color: '#8c8c8c', fontSize: 16 }}
            aria-label="拖动调整顺序"
            data-testid="board-item-handle"
          />
          <Typography.Text strong style={{ width: 24, textAlign: 'right' }}>
            {index + 1}.
          </Typography.Text>
          <div style={{ flex: 1, minWidth: wide ? 0 : 'calc(100% - 64px)' }}>
            {openItems ? (
              <a
                href={`/items/${item.id}`}
                target="_blank"
                rel="noopener"
                style={{ fontWeight: 500 }}
                data-testid="board-item-title"
              >
                {item.urgent && (
                  <Tag color="red" style={{ marginInlineEnd: 4 }}>
                    紧急
                  </Tag>
                )}
                {item.title}
              </a>
            ) : (
              <Typography.Text strong data-testid="board-item-title">
                {item.urgent && (
                  <Tag color="red" style={{ marginInlineEnd: 4 }}>
                    紧急
                  </Tag>
                )}
                {item.title}
              </Typography.Text>
            )}
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {[item.number, streamLabel(item.stream), item.source, `${item.charCount}字`]
                  .filter(Boolean)
                  .join(' · ')}
              </Typography.Text>
            </div>
          </div>
          <Space size={4} style={{ marginInlineStart: wide ? 0 : 'auto' }}>
            <Tooltip title="上移">
              <Button
                size="small"
                icon={<ArrowUpOutlined />}
                disabled={index === 0}
                onClick={() => move(index, index - 1)}
                aria-label="上移"
                data-testid="board-item-up"
              />
            </Tooltip>
            <Tooltip title="下移">
              <Button
                size="small"
                icon={<ArrowDownOutlined />}
                disabled={index === state.items.length - 1}
                onClick={() => move(index, index + 1)}
                aria-label="下移"
                data-testid="board-item-down"
              />
            </Tooltip>
            <Button
              size="small"
              danger
              icon={<MinusCircleOutlined />}
              onClick={() => change({ items: state.items.filter((i) => i.id !== item.id) })}
              data-testid="board-item-remove"
            >
              移出
            </Button>
          </Space>
        </div>
      ))}
    </div>
  );

  const planned = issue.plannedChain;
  const topLeaders = state.recipients.some((r) => r.topLeader);
  const arrangement = (
    <Card
      size="small"
      title={`本期编排（${state.items.length}条）`}
      styles={{ body: { padding: 12 } }}
      data-testid="issue-board"
      data-dirty={dirty ? 'true' : 'false'}
    >
      {itemsList}
      <Row gutter={[16, 12]} style={{ marginTop: 12 }}>
        <Col xs={24} md={8}>
          <Typography.Text strong>类别</Typography.Text>
          <div style={{ marginTop: 4 }}>
            <Radio.Group
              value={state.kind}
              onChange={(e) => change({ kind: e.target.value })}
              optionType="button"
              options={ISSUE_KIND_KEYS.map((k) => ({ value: k, label: ISSUE_KINDS[k] }))}
              data-testid="issue-kind"
            />
          </div>
        </Col>
        <Col xs={24} md={10}>
          <Typography.Text strong>紧急程度</Typography.Text>
          <div style={{ marginTop: 4 }}>
            <Radio.Group
              value={state.urgency}
              onChange={(e) => change({ urgency: e.target.value })}
              optionType="button"
              options={ISSUE_URGENCY_KEYS.map((k) => ({ value: k, label: ISSUE_URGENCIES[k] }))}
              data-testid="issue-urgency"
            />
          </div>
        </Col>
        <Col xs={24} md={6}>
          <Typography.Text strong>印数</Typography.Text>
          <div style={{ marginTop: 4 }}>
            <Space.Compact style={{ width: '100%' }}>
              <InputNumber
                min={1}
                max={100000}
                precision={0}
                value={state.printRun}
                onChange={(printRun) => change({ printRun })}
                style={{ width: '100%' }}
                aria-label="印数"
                data-testid="issue-print-run"
              />
              <Space.Addon>份</Space.Addon>
            </Space.Compact>
          </div>
        </Col>
        <Col span={24}>
          <Typography.Text strong>编者按</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            （可不填；填写后印在本期首条信息之前）
          </Typography.Text>
          <Input.TextArea
            value={state.editorNote}
            onChange={(e) => change({ editorNote: e.target.value })}
            maxLength={NOTE_MAX}
            showCount={{ formatter: ({ count, maxLength }) => `${count} / ${maxLength}字` }}
            autoSize={{ minRows: 3, maxRows: 10 }}
            placeholder="如：现将有关情况编发，供领导参阅。"
            style={{ marginTop: 4 }}
            aria-label="编者按"
            data-testid="issue-editor-note"
          />
        </Col>
        <Col span={24}>
          <Typography.Text strong>报送对象</Typography.Text>
          <div style={{ marginTop: 4 }}>
            <RecipientsEditor value={state.recipients} onChange={(recipients) => change({ recipients })} />
          </div>
          <Typography.Paragraph
            type="secondary"
            style={{ fontSize: 12, margin: '8px 0 0' }}
            data-testid="planned-chain"
          >
            {dirty
              ? topLeaders
                ? '报送对象含省委书记或省长，送审时将按相应的审签流程审签（保存后显示）。'
                : '送审时将按审签规则确定审签流程（保存后显示）。'
              : planned
                ? `按现有报送对象，送审时将按“${planned}”流程审签。`
                : '未找到适用的审签流程，请联系系统管理员配置审签规则。'}
          </Typography.Paragraph>
        </Col>
      </Row>
    </Card>
  );

  const actions = (
    <div
      style={{
        display: 'flex',
        flexDirection: wide ? 'row' : 'column',
        flexWrap: 'wrap',
        gap: 8,
        alignItems: wide ? 'center' : 'stretch',
      }}
    >
      <Button
        icon={<SaveOutlined />}
        loading={busy === 'save'}
        disabled={busy !== null && busy !== 'save'}
        onClick={() => void onSave()}
        block={!wide}
        type={dirty ? 'primary' : 'default'}
        ghost={dirty}
        data-testid="issue-save"
      >
        保存
      </Button>
      <Button
        type="primary"
        icon={<SendOutlined />}
        loading={busy === 'submit'}
        disabled={(busy !== null && busy !== 'submit') || state.items.length === 0}
        onClick={() => void onSubmit()}
        block={!wide}
        data-testid="issue-submit"
      >
        送审
      </Button>
      {record.abilities.remove && (
        <Popconfirm
          title="删除本期"
          description="删除后本期编排作废，其中的信息仍为拟用。确定删除？"
          okText="删除"
          okButtonProps={{ danger: true }}
          cancelText="取消"
          onConfirm={() => void onRemove()}
        >
          <Button
            danger
            icon={<DeleteOutlined />}
            loading={busy === 'remove'}
            block={!wide}
            data-testid="issue-remove"
          >
            删除
          </Button>
        </Popconfirm>
      )}
      {dirty && (
        <Typography.Text type="warning" data-testid="issue-unsaved">
          有未保存的修改（已暂存在本机浏览器）
        </Typography.Text>
      )}
    </div>
  );

  return (
    <div data-testid="compile-board">
      {stale && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="issue-stale"
          title={stale}
          description="您的编排仍保留在本页。可以载入他人保存的最新编排，或以您的编排为准重新保存。"
          action={
            <Space orientation={wide ? 'horizontal' : 'vertical'}>
              <Button
                size="small"
                loading={busy === 'reload'}
                onClick={() => void resolveStale(false)}
                data-testid="issue-stale-reload"
              >
                载入最新编排
              </Button>
              <Button
                size="small"
                type="primary"
                loading={busy === 'reload'}
                onClick={() => void resolveStale(true)}
                data-testid="issue-stale-keep"
              >
                以我的编排为准保存
              </Button>
            </Space>
          }
        />
      )}
      {restored && !stale && (
        <Alert
          type={restored.behind ? 'warning' : 'info'}
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="issue-restored"
          title={`已恢复您${fullDateTime(restored.savedAt)}未保存的编排`}
          description={
            restored.behind ? '此后本期已由他人修改并保存，保存时将提示您选择以哪一份为准。' : undefined
          }
          action={
            <Button size="small" onClick={discardLocal} data-testid="issue-restored-discard">
              放弃这些修改
            </Button>
          }
        />
      )}
      <div style={{ marginBottom: 12 }}>{actions}</div>
      <Row gutter={[16, 16]}>
        <Col xs={{ span: 24, order: 2 }} lg={{ span: 9, order: 1 }}>
          {candidatesCard}
        </Col>
        <Col xs={{ span: 24, order: 1 }} lg={{ span: 15, order: 2 }}>
          {arrangement}
        </Col>
      </Row>
      <Modal
        open={confirming !== null}
        title="送审"
        okText="确认送审"
        cancelText="取消"
        confirmLoading={busy === 'submit'}
        onOk={() => void confirmSubmit()}
        onCancel={() => setConfirming(null)}
        okButtonProps={{ disabled: !confirming?.data.plannedChain }}
        destroyOnHidden
      >
        <div data-testid="issue-submit-dialog">
          {confirming?.data.plannedChain ? (
            <>
              <Typography.Paragraph strong data-testid="issue-submit-chain">
                将按“{confirming.data.plannedChain}”流程审签。
              </Typography.Paragraph>
              <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
                本期共{confirming.data.items.length}条信息。送审后不能再修改编排；如需修改，请先撤回。
              </Typography.Paragraph>
            </>
          ) : (
            <Alert type="error" showIcon title="未找到适用的审签流程，请联系系统管理员配置审签规则。" />
          )}
        </div>
      </Modal>
      <Modal
        open={blocker.state === 'blocked'}
        title="本期编排尚未保存"
        okText="离开本页"
        cancelText="留在本页"
        onOk={() => blocker.proceed?.()}
        onCancel={() => blocker.reset?.()}
      >
        <Typography.Paragraph style={{ marginBottom: 0 }}>
          未保存的修改已暂存在本机浏览器，再次打开本期时可以恢复。确定离开本页？
        </Typography.Paragraph>
      </Modal>
    </div>
  );
}
