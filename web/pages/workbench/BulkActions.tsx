import { App, Button, Modal, Popconfirm, Select, Space, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import type { ItemSummary } from '../../../shared/schemas/items.ts';
import { ITEM_ACTIONS } from '../../../shared/workflow/items.ts';
import { api, type DataResponse } from '../../api/client.ts';
import { type Ref, refOptions } from '../../components/use-desk-data.ts';
import { useNotifyError } from '../../components/use-notify.ts';
import { BulkFailureList, type BulkResult } from './bulk-result.tsx';

export interface QueueAbilities {
  create: boolean;
  submitForMember: boolean;
  register: boolean;
  assign: boolean;
  merge: boolean;
}

interface Props {
  /** Selected items by id, across pages. */
  selected: ReadonlyMap<number, ItemSummary>;
  abilities: QueueAbilities | null;
  assignees: readonly Ref[];
  onClear: () => void;
  /** After a bulk action: the ids that went through (the rest stay selected). */
  onDone: (done: readonly number[]) => void;
  onMerge: () => void;
}

type BulkAction = 'register' | 'assign';
const VERB: Record<BulkAction, string> = { register: '登记', assign: '分配' };

/** Register or assign the selected items at once; merge two or more into a composite. */
export function BulkActions({ selected, abilities, assignees, onClear, onDone, onMerge }: Props) {
  const { message, modal } = App.useApp();
  const notifyError = useNotifyError();
  const [running, setRunning] = useState<BulkAction | null>(null);
  const [assigning, setAssigning] = useState(false);
  const [assigneeId, setAssigneeId] = useState<number | undefined>(undefined);
  const count = selected.size;
  if (!abilities || !(abilities.register || abilities.assign || abilities.merge)) return null;

  const run = async (action: BulkAction) => {
    setRunning(action);
    try {
      const answer = await api.post<DataResponse<BulkResult>>('/items/bulk', {
        action,
        ids: [...selected.keys()],
        assigneeId: action === 'assign' ? (assigneeId ?? null) : null,
      });
      const { done, failed } = answer.data;
      setAssigning(false);
      if (failed.length === 0) {
        message.success(`已${VERB[action]} ${done.length} 条信息`);
      } else {
        modal.warning({
          title: `${VERB[action]}完成：成功 ${done.length} 条，未成功 ${failed.length} 条`,
          content: <BulkFailureList failed={failed} items={selected} />,
          okText: '知道了',
          width: 560,
        });
      }
      onDone(done);
    } catch (error) {
      notifyError(error);
    } finally {
      setRunning(null);
    }
  };

  return (
    <div
      style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 8, marginBottom: 12 }}
      data-testid="bulk-bar"
    >
      <Typography.Text type={count === 0 ? 'secondary' : undefined}>
        {count === 0 ? (
          '勾选信息后可批量办理'
        ) : (
          <>
            已选 <Typography.Text strong>{count}</Typography.Text> 条
          </>
        )}
      </Typography.Text>
      {abilities.register && (
        <Popconfirm
          title={`确定登记选中的 ${count} 条信息？`}
          description="登记后将按登记编号格式依次编号；不在“已报送”环节的信息不会被登记。"
          onConfirm={() => run('register')}
          disabled={count === 0}
        >
          <Button
            type="primary"
            disabled={count === 0}
            loading={running === 'register'}
            data-testid="bulk-register"
          >
            {ITEM_ACTIONS.register.label}
          </Button>
        </Popconfirm>
      )}
      {abilities.assign && (
        <Button disabled={count === 0} onClick={() => setAssigning(true)} data-testid="bulk-assign">
          分配
        </Button>
      )}
      {abilities.merge && (
        <Tooltip title={count < 2 ? '勾选两条及以上信息后可合并' : undefined}>
          <Button disabled={count < 2} onClick={onMerge} data-testid="merge-open">
            {ITEM_ACTIONS.merge.label}
          </Button>
        </Tooltip>
      )}
      {count > 0 && (
        <Button type="link" onClick={onClear}>
          取消选择
        </Button>
      )}
      <Modal
        title={`分配承办人（${count} 条信息）`}
        open={assigning}
        onCancel={() => setAssigning(false)}
        footer={
          <Space>
            <Button onClick={() => setAssigning(false)}>取消</Button>
            <Button
              type="primary"
              disabled={assigneeId === undefined}
              loading={running === 'assign'}
              onClick={() => run('assign')}
              data-testid="bulk-assign-submit"
            >
              分配
            </Button>
          </Space>
        }
      >
        <Typography.Paragraph type="secondary">
          选中的信息将交由所选人员承办。已归档、已合并等不在办理中的信息不会被分配。
        </Typography.Paragraph>
        <Select<number>
          placeholder="选择承办人"
          showSearch
          optionFilterProp="label"
          options={refOptions(assignees)}
          value={assigneeId}
          onChange={setAssigneeId}
          style={{ width: '100%' }}
          notFoundContent="本信息部门暂无可承办人员"
          data-testid="bulk-assign-select"
        />
      </Modal>
    </div>
  );
}
