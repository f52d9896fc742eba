import { App, Button, Popconfirm } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { ItemDeclaration } from '../../../shared/items.ts';
import type { ItemAbilities, ItemDetail } from '../../../shared/schemas/items.ts';
import { ITEM_ACTIONS, type ItemAction } from '../../../shared/workflow/items.ts';
import { ApiError } from '../../api/client.ts';
import { useNotifyError } from '../../components/use-notify.ts';
import { AssignModal } from './AssignModal.tsx';
import { DeclarationsModal } from './DeclarationsModal.tsx';
import type { ContentAction } from './ItemContentEdit.tsx';
import { CONFIRM_TEXTS, DONE_TEXTS, PAGE_ACTIONS } from './item-action-texts.ts';
import { type ItemRecord, itemApi, type TransitionBody } from './item-api.ts';
import { ReasonModal } from './ReasonModal.tsx';
import { ReferModal } from './ReferModal.tsx';

interface Props {
  item: ItemDetail;
  abilities: ItemAbilities;
  /** The office editor has the text open for editing: hide the other actions meanwhile. */
  editing: boolean;
  onChanged: (record: ItemRecord) => void;
  onReload: () => void;
  /** Open the content editor: 编辑加工 (`edit`) or, for a selected item, 修改拟用稿 (`revise`). */
  onStartEdit: (action: ContentAction) => void;
}

type Dialog = 'declarations' | 'reason' | 'assign' | 'refer' | null;

/** The actions the server allows this user now, as buttons; each opens what its action needs. */
export function ItemActions({ item, abilities, editing, onChanged, onReload, onStartEdit }: Props) {
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const navigate = useNavigate();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [pending, setPending] = useState<ItemAction | null>(null);
  const [busy, setBusy] = useState(false);
  const actions = PAGE_ACTIONS.filter((a) => abilities.actions.includes(a));
  if (editing || actions.length === 0) return null;

  const run = async (action: ItemAction, extra: Partial<TransitionBody> = {}) => {
    setBusy(true);
    try {
      const answer = await itemApi.transition(item.id, { action, version: item.version, ...extra });
      setDialog(null);
      setPending(null);
      message.success(DONE_TEXTS[action] ?? `${ITEM_ACTIONS[action].label}完成`);
      onChanged(answer);
    } catch (error) {
      notifyError(error);
      if (
        error instanceof ApiError &&
        (error.code === 'ITEM_STALE' || error.code === 'ITEM_ACTION_NOT_ALLOWED')
      ) {
        setDialog(null);
        onReload();
      }
    } finally {
      setBusy(false);
    }
  };

  const open = (action: ItemAction) => {
    setPending(action);
    if (action === 'edit' || action === 'revise') onStartEdit(action);
    else if (action === 'resubmit') navigate(`/my-items/${item.id}/edit`);
    else if (action === 'submit') setDialog('declarations');
    else if (action === 'assign') setDialog('assign');
    else if (action === 'refer') setDialog('refer');
    else if (ITEM_ACTIONS[action].reason) setDialog('reason');
    else void run(action);
  };

  const close = () => {
    setDialog(null);
    setPending(null);
  };

  const button = (action: ItemAction) => {
    const def = ITEM_ACTIONS[action];
    const label = action === 'edit' ? '编辑加工' : action === 'resubmit' ? '修改后重新报送' : def.label;
    const primary = ['submit', 'resubmit', 'register', 'edit', 'revise'].includes(action);
    const props = {
      type: primary ? ('primary' as const) : ('default' as const),
      danger: action === 'reject',
      loading: busy && pending === action && dialog === null,
      'data-testid': `item-action-${action}`,
    };
    const confirm = CONFIRM_TEXTS[action];
    if (confirm)
      return (
        <Popconfirm
          key={action}
          title={confirm}
          okText="确定"
          cancelText="取消"
          onConfirm={() => open(action)}
        >
          <Button {...props}>{label}</Button>
        </Popconfirm>
      );
    return (
      <Button key={action} {...props} onClick={() => open(action)}>
        {label}
      </Button>
    );
  };

  return (
    <div data-testid="item-actions" style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}>
      {actions.map(button)}
      <DeclarationsModal
        open={dialog === 'declarations'}
        title="报送信息"
        submitting={busy}
        onCancel={close}
        onConfirm={(declarations: ItemDeclaration[]) => void run('submit', { declarations })}
      />
      <ReasonModal
        action={dialog === 'reason' ? pending : null}
        busy={busy}
        onCancel={close}
        onConfirm={(reason) => pending && void run(pending, { reason })}
      />
      <AssignModal
        open={dialog === 'assign'}
        orgId={item.targetOrg.id}
        currentId={item.assignee?.id ?? null}
        busy={busy}
        onCancel={close}
        onConfirm={(assigneeId) => void run('assign', { assigneeId })}
      />
      <ReferModal
        open={dialog === 'refer'}
        busy={busy}
        onCancel={close}
        onConfirm={(referOrgId, reason) => void run('refer', { referOrgId, reason })}
      />
    </div>
  );
}
