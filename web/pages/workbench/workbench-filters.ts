/**
 * The workbench's filters and their form in the address bar, so a reload or a shared link keeps
 * them. Without `open` in the address the queue shows the open work (待办); `open=all` shows all.
 */
import { ITEM_STREAM_KEYS, type ItemStream } from '../../../shared/items.ts';
import { ITEM_STATE_KEYS, type ItemState, OFFICE_OPEN_STATES } from '../../../shared/workflow/items.ts';

export type WorkbenchFilters = {
  view: 'queue';
  status?: ItemState;
  open?: boolean;
  stream?: ItemStream;
  topicId?: number;
  orgId?: number;
  assigneeId?: number;
  overdue?: boolean;
  urgent?: boolean;
  from?: string;
  to?: string;
  q?: string;
};

const DAY = /^\d{4}-\d{2}-\d{2}$/;

const id = (value: string | null) => {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : undefined;
};
const flag = (value: string | null) => (value === '1' || value === 'true' ? true : undefined);
const oneOf = <T extends string>(keys: readonly T[], value: string | null) =>
  keys.find((key) => key === value);
const day = (value: string | null) => (value && DAY.test(value) ? value : undefined);

export function filtersFromSearch(params: URLSearchParams): WorkbenchFilters {
  const from = day(params.get('from'));
  const to = day(params.get('to'));
  return {
    view: 'queue',
    status: oneOf(ITEM_STATE_KEYS, params.get('status')),
    open: params.get('open') === 'all' ? undefined : true,
    stream: oneOf(ITEM_STREAM_KEYS, params.get('stream')),
    topicId: id(params.get('topicId')),
    orgId: id(params.get('orgId')),
    assigneeId: id(params.get('assigneeId')),
    overdue: flag(params.get('overdue')),
    urgent: flag(params.get('urgent')),
    from: from && to ? from : undefined,
    to: from && to ? to : undefined,
    q: params.get('q')?.trim().slice(0, 40) || undefined,
  };
}

export function searchFromFilters(filters: WorkbenchFilters): URLSearchParams {
  const params = new URLSearchParams();
  const { view: _view, open, ...rest } = filters;
  if (!open) params.set('open', 'all');
  for (const [key, value] of Object.entries(rest)) {
    if (value === undefined || value === '' || value === false) continue;
    params.set(key, value === true ? '1' : String(value));
  }
  return params;
}

const isOpenState = (status: ItemState) => OFFICE_OPEN_STATES.includes(status);

/**
 * Applies a change and keeps 待办 and 状态 from contradicting each other: a closed status turns
 * 待办 off, turning 待办 on drops a closed status.
 */
export function patchFilters(filters: WorkbenchFilters, patch: Partial<WorkbenchFilters>): WorkbenchFilters {
  const next = { ...filters, ...patch };
  if ('status' in patch && next.status && !isOpenState(next.status)) next.open = undefined;
  if ('open' in patch && next.open && next.status && !isOpenState(next.status)) next.status = undefined;
  return next;
}

/** Anything chosen besides the default 待办 view. */
export function hasFilters(filters: WorkbenchFilters): boolean {
  const { view: _view, open, ...rest } = filters;
  return !open || Object.values(rest).some((value) => value !== undefined);
}
