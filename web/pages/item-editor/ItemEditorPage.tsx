import { Button, Card, Result, Skeleton } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import type { Me } from '../../../shared/schemas/auth.ts';
import { AUTHOR_EDITABLE_STATES } from '../../../shared/workflow/items.ts';
import { useMe } from '../../api/session.ts';
import { useTopics } from '../../components/use-topics.ts';
import type { ItemRecord, ItemSettings } from '../item/item-api.ts';
import { useItem } from '../item/use-item.ts';
import { useItemSettings } from '../item/use-item-refs.ts';
import { emptyDraft, fromDetail, hasText, normalise, sameDraft } from './draft-model.ts';
import { type EditorStart, ItemEditor } from './ItemEditor.tsx';
import { readLocal, removeLocal } from './local-draft.ts';
import { ReadOnlyDraft } from './ReadOnlyDraft.tsx';

/** A new draft starts with the writer as author, or the unit when a liaison writes. */
function newDraft(me: Me, settings: ItemSettings) {
  const unit = settings.submittingOrgs[0] ?? null;
  const liaison = me.permissions.includes('item.submit_for_member');
  return emptyDraft({
    submittingOrgId: unit?.id ?? null,
    authors:
      liaison && unit
        ? [{ userId: null, orgId: unit.id, name: unit.name }]
        : [{ userId: me.id, orgId: null, name: me.realName }],
  });
}

/** The server's draft (or an empty one) and, when the browser holds newer text, that copy. */
function startOf(me: Me, settings: ItemSettings, record: ItemRecord | null): EditorStart {
  const base = record ? fromDetail(record.data) : newDraft(me, settings);
  const local = readLocal(me.id, record?.data.id ?? null);
  const localValues = local ? normalise(local.values, base) : null;
  const newer =
    local !== null &&
    localValues !== null &&
    !local.synced &&
    hasText(localValues) &&
    (record === null || !sameDraft(localValues, base));
  return {
    record,
    values: base,
    offer: newer ? { values: localValues, savedAt: local.savedAt } : null,
  };
}

/** /my-items/new and /my-items/:id/edit: write, keep, and submit an item. */
export function ItemEditorPage() {
  const params = useParams();
  const me = useMe();
  const routeId = params.id === undefined ? null : Number(params.id);
  // The draft this page created: the address changes to it without starting a new session.
  const created = useRef<number | null>(null);
  const sessionId = routeId !== null && routeId === created.current ? null : routeId;
  return (
    <EditorLoader
      key={sessionId ?? 'new'}
      me={me}
      itemId={sessionId}
      onCreated={(id) => {
        created.current = id;
      }}
    />
  );
}

function EditorLoader({
  me,
  itemId,
  onCreated,
}: {
  me: Me;
  itemId: number | null;
  onCreated: (id: number) => void;
}) {
  const navigate = useNavigate();
  const { settings, error } = useItemSettings();
  const { topics, loading: topicsLoading } = useTopics();
  const loaded = !topicsLoading;
  const item = useItem(itemId ?? 0);
  const record = itemId === null ? null : item.load.state === 'ready' ? item.load.record : undefined;
  // Decided once, on the first complete load: later saves must not re-offer the browser copy.
  const [start, setStart] = useState<EditorStart | null>(null);
  useEffect(() => {
    if (start === null && settings && loaded && record !== undefined) setStart(startOf(me, settings, record));
  }, [start, settings, loaded, record, me]);

  if (itemId !== null && item.load.state === 'missing')
    return (
      <Result
        status="404"
        title="信息不存在或您无权查看"
        extra={<Button onClick={() => navigate('/my-items')}>返回我的信息</Button>}
      />
    );
  if (error || (itemId !== null && item.load.state === 'failed'))
    return (
      <Result
        status="warning"
        title="加载失败"
        subTitle="请检查网络后重试。已写下的内容保存在本机，不会丢失。"
        extra={<Button onClick={() => window.location.reload()}>重新加载</Button>}
      />
    );
  if (!settings || !start)
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 10 }} />
      </Card>
    );

  const data = start.record?.data;
  const abilities = start.record?.abilities;
  if (data && abilities && !(abilities.saveDraft && AUTHOR_EDITABLE_STATES.includes(data.status)))
    return <ReadOnlyDraft item={data} unsent={start.offer} />;

  return (
    <ItemEditor
      userId={me.id}
      settings={settings}
      topics={topics}
      forMember={me.permissions.includes('item.submit_for_member')}
      start={start}
      onCreated={(id) => {
        onCreated(id);
        navigate(`/my-items/${id}/edit`, { replace: true });
      }}
      onDiscardOffer={() => removeLocal(me.id, itemId)}
    />
  );
}
