/**
 * The compile board's working copy: the items in order, the note, urgency, kind, print run and
 * recipients as the editor arranges them, kept in the browser until saved so that a reload or
 * a lost connection loses nothing.
 */
import type { IssueKind, IssueUrgency } from '../../../shared/issues.ts';
import type { Recipient } from '../../../shared/schemas/issues.ts';
import type { Candidate, IssueDetail, IssueItem, IssueUpdate } from './issue-api.ts';

/** One item on the board, from the issue or from the candidates. */
export interface BoardItem {
  id: number;
  number: string | null;
  title: string;
  stream: string;
  charCount: number;
  urgent: boolean;
  /** Authors, or the submitting organisation. */
  source: string;
  /** The item's row version where known: it changes with the item's text (修改拟用稿). */
  version?: number;
}

/** A recipient row with a key of its own (names may be empty or repeated while typing). */
export type RecipientRow = Recipient & { key: string };

export interface CompileState {
  items: BoardItem[];
  editorNote: string;
  urgency: IssueUrgency;
  kind: IssueKind;
  printRun: number | null;
  recipients: RecipientRow[];
}

export interface StoredDraft {
  /** The issue version the changes were made on. */
  baseVersion: number;
  savedAt: string;
  state: CompileState;
}

let keySeq = 0;
export const newRowKey = () => {
  keySeq += 1;
  return `r${Date.now().toString(36)}${keySeq}`;
};

export const boardItemOf = (item: IssueItem): BoardItem => ({
  id: item.id,
  number: item.number,
  title: item.title,
  stream: item.stream,
  charCount: item.charCount,
  urgent: item.urgent,
  source: item.authors,
  version: item.version,
});

export const boardItemOfCandidate = (c: Candidate): BoardItem => ({
  id: c.id,
  number: c.number,
  title: c.title,
  stream: c.stream,
  charCount: c.charCount,
  urgent: c.urgent,
  source: c.submittingOrg,
});

export function stateOf(issue: IssueDetail): CompileState {
  return {
    items: issue.items.map(boardItemOf),
    editorNote: issue.editorNote,
    urgency: issue.urgency,
    kind: issue.kind,
    printRun: issue.printRun,
    recipients: issue.recipients.map((r) => ({ ...r, key: newRowKey() })),
  };
}

const sameItem = (a: BoardItem, b: BoardItem) =>
  a.title === b.title &&
  a.number === b.number &&
  a.stream === b.stream &&
  a.charCount === b.charCount &&
  a.urgent === b.urgent &&
  a.source === b.source &&
  a.version === b.version;

/**
 * The board's items with fresher data (title, length, version…) from `fresh`, by id, keeping
 * their order and which are on the board; the same list when nothing differs.
 */
export function withFreshItems(items: BoardItem[], fresh: ReadonlyMap<number, BoardItem>): BoardItem[] {
  let changed = false;
  const next = items.map((item) => {
    const latest = fresh.get(item.id);
    if (!latest || sameItem(latest, item)) return item;
    changed = true;
    return { ...item, ...latest };
  });
  return changed ? next : items;
}

/** The request body of PUT /issues/:id (validated by the caller against `issueUpdate`). */
export function updateOf(state: CompileState, version: number): IssueUpdate {
  return {
    version,
    kind: state.kind,
    urgency: state.urgency,
    editorNote: state.editorNote,
    recipients: state.recipients.map(({ key: _key, ...r }) => ({ ...r, name: r.name.trim() })),
    printRun: state.printRun ?? 0,
    itemIds: state.items.map((i) => i.id),
  };
}

/** What the server would store: compared to tell unsaved changes apart. */
const fingerprint = (state: CompileState) => JSON.stringify(updateOf(state, 0));

export const sameArrangement = (a: CompileState, b: CompileState) => fingerprint(a) === fingerprint(b);

/** Moves the element at `from` to `to` (indexes in the list before the move). */
export function moved<T>(list: readonly T[], from: number, to: number): T[] {
  if (from === to || from < 0 || from >= list.length || to < 0 || to >= list.length) return [...list];
  const next = [...list];
  const [picked] = next.splice(from, 1);
  next.splice(to, 0, picked as T);
  return next;
}

const storageKey = (userId: number, issueId: number) => `minyi:issue-compile:${userId}:${issueId}`;

export function readDraft(userId: number, issueId: number): StoredDraft | null {
  try {
    const raw = window.localStorage.getItem(storageKey(userId, issueId));
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<StoredDraft>;
    const state = parsed.state;
    if (
      typeof parsed.baseVersion !== 'number' ||
      typeof parsed.savedAt !== 'string' ||
      !state ||
      !Array.isArray(state.items) ||
      !Array.isArray(state.recipients) ||
      typeof state.editorNote !== 'string'
    )
      return null;
    return {
      baseVersion: parsed.baseVersion,
      savedAt: parsed.savedAt,
      state: { ...state, recipients: state.recipients.map((r) => ({ ...r, key: r.key || newRowKey() })) },
    };
  } catch {
    return null;
  }
}

export function writeDraft(userId: number, issueId: number, draft: StoredDraft): void {
  try {
    window.localStorage.setItem(storageKey(userId, issueId), JSON.stringify(draft));
  } catch {
    // Storage full or blocked (private mode): the board still works, only without the safety copy.
  }
}

export function clearDraft(userId: number, issueId: number): void {
  try {
    window.localStorage.removeItem(storageKey(userId, issueId));
  } catch {
    // Nothing to clear.
  }
}
