/**
 * Member performance (委员履职, R4.8): a scheme separate from the office's scores. Each CPPCC
 * sets one per year: what a member's item is worth when submitted, used, adopted upstream or
 * instructed, capped per item. The record is derived from the item's events; disputes (申诉)
 * are resolved on record and may adjust it.
 */
import type { ItemStream } from './items.ts';

export interface PerformanceScheme {
  /** Which streams count (社情民意信息 by default). */
  streams: ItemStream[];
  /** Points per item when first submitted. */
  submitted: number;
  /** When used in the CPPCC's own publications (or referred). */
  used: number;
  /** Added when adopted upstream. */
  adopted: number;
  /** Added when a leader gives a written instruction. */
  instructed: number;
  /** At most this many points per item over all its events; null for none. */
  capPerItem: number | null;
  /** Every credited author scores the item's points, or the first member author only. */
  coauthors: 'full' | 'lead_only';
}

export const DEFAULT_PERFORMANCE_SCHEME: PerformanceScheme = {
  streams: ['sqmy'],
  submitted: 0,
  used: 10,
  adopted: 5,
  instructed: 5,
  capPerItem: 15,
  coauthors: 'full',
};

export const PERFORMANCE_EVENTS = {
  submitted: '报送',
  used: '编用',
  adopted: '上级采用',
  instructed: '领导批示',
} as const;
export type PerformanceEvent = keyof typeof PERFORMANCE_EVENTS;
export const PERFORMANCE_EVENT_KEYS = Object.keys(PERFORMANCE_EVENTS) as [
  PerformanceEvent,
  ...PerformanceEvent[],
];

export const COAUTHOR_POLICIES = { full: '联名作者各计全分', lead_only: '仅第一作者计分' } as const;

export const DISPUTE_STATES = {
  open: '待处理',
  accepted: '已采纳',
  rejected: '未采纳',
  withdrawn: '已撤回',
} as const;
export type DisputeState = keyof typeof DISPUTE_STATES;
