/**
 * The browser's copy of a draft, written on every change so that nothing typed is lost: a
 * closed tab, a lost connection or a crash leave the text here until the server has it.
 * One key per user and item (`new` until the server has given the draft an id).
 */
import type { DraftValues } from './draft-model.ts';

export interface LocalDraft {
  values: Partial<DraftValues>;
  /** When the copy was written (ms since epoch). */
  savedAt: number;
  /** The server version the copy was based on; null for a draft the server has not seen. */
  baseVersion: number | null;
  /** The server holds exactly this text. */
  synced: boolean;
}

const PREFIX = 'minyi.item-draft';
const keyOf = (userId: number, itemId: number | null) => `${PREFIX}.${userId}.${itemId ?? 'new'}`;

export function readLocal(userId: number, itemId: number | null): LocalDraft | null {
  try {
    const raw = window.localStorage.getItem(keyOf(userId, itemId));
    if (!raw) return null;
    const parsed = JSON.parse(raw) as LocalDraft;
    return parsed && typeof parsed === 'object' && parsed.values ? parsed : null;
  } catch {
    return null;
  }
}

/** False when the browser refused (storage full or disabled). */
export function writeLocal(userId: number, itemId: number | null, draft: LocalDraft): boolean {
  try {
    window.localStorage.setItem(keyOf(userId, itemId), JSON.stringify(draft));
    return true;
  } catch {
    return false;
  }
}

export function removeLocal(userId: number, itemId: number | null): void {
  try {
    window.localStorage.removeItem(keyOf(userId, itemId));
  } catch {
    // Nothing to do: storage is unavailable.
  }
}
