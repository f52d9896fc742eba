/**
 * A dialog's submission refused because the issue moved on meanwhile (another signer signed, the
 * compiler withdrew it, someone saved first): the dialog stays open with what was typed, the page
 * loads the issue again, and the user confirms against the new state.
 */
import { ApiError } from '../../api/client.ts';
import type { IssueRecord } from './issue-api.ts';

export const STALE_NOTICE = '本期刚被他人处理（如另一位审签人已签署），已载入最新状态，请确认后再提交';

/** Fetches the issue again; the fresh record, or null when that failed. */
export type Refresh = () => Promise<IssueRecord | null>;

/** The version the user acted on is gone (ISSUE_STALE, CONFLICT). */
export function isStale(error: unknown): boolean {
  return error instanceof ApiError && (error.code === 'ISSUE_STALE' || error.code === 'CONFLICT');
}

/** The issue is no longer where the action applies (no longer the caller's turn, already issued…). */
export function isOvertaken(error: unknown): boolean {
  return error instanceof ApiError && (error.code === 'ISSUE_NOT_YOUR_TURN' || error.code === 'ISSUE_LOCKED');
}

/**
 * A refusal that may mean the issue moved on: a VALIDATION_FAILED can also say so when a state
 * check comes before the version check (撤回 of an issue just signed off), so it is worth a look.
 */
export function mayBeOvertaken(error: unknown): boolean {
  return (
    isStale(error) || isOvertaken(error) || (error instanceof ApiError && error.code === 'VALIDATION_FAILED')
  );
}
