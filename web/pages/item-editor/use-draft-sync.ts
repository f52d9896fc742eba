import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, api } from '../../api/client.ts';
import { type ItemRecord, itemApi } from '../item/item-api.ts';
import { sectionsOf } from '../item/item-labels.ts';
import { type DraftValues, fromDetail, toPayload } from './draft-model.ts';
import { removeLocal, writeLocal } from './local-draft.ts';

/** Saved to the server this long after typing stops (and at once on leaving a field). */
const SAVE_DELAY_MS = 2500;
/** While the server cannot be reached, tried again this often (besides the browser's `online`). */
const RETRY_MS = 10_000;

export type SyncPhase = 'idle' | 'dirty' | 'saving' | 'saved' | 'failed';

export interface SyncState {
  itemId: number | null;
  phase: SyncPhase;
  /** The server cannot be reached: the text waits in the browser. */
  offline: boolean;
  savedAt: number | null;
  /** Why the last save was refused (validation, state), in the server's words. */
  problem: string | null;
  /** The server holds other text than this page last saved (changed elsewhere). */
  conflict: ItemRecord | null;
  /** The browser refused to keep a local copy (private mode, storage full). */
  localFailed: boolean;
}

interface Options {
  userId: number;
  initial: ItemRecord | null;
  onCreated: (record: ItemRecord) => void;
  onSaved: (record: ItemRecord) => void;
}

/** The words of the stream being written, as the server keeps them. */
const textKey = (values: DraftValues) =>
  JSON.stringify([values.title.trim(), ...sectionsOf(values.stream).map((field) => values[field])]);

/** Keeps the browser copy on every change and the server draft a moment after typing stops. */
export function useDraftSync({ userId, initial, onCreated, onSaved }: Options) {
  const [state, setState] = useState<SyncState>({
    itemId: initial?.data.id ?? null,
    phase: 'idle',
    offline: typeof navigator !== 'undefined' && !navigator.onLine,
    savedAt: initial ? Date.parse(initial.data.updatedAt) : null,
    problem: null,
    conflict: null,
    localFailed: false,
  });
  // Mutable session state read by timers and callbacks (never rendered).
  const [r] = useState(() => {
    const serverValues = initial ? fromDetail(initial.data) : null;
    return {
      itemId: initial?.data.id ?? null,
      version: initial?.data.version ?? null,
      latest: null as DraftValues | null,
      synced: serverValues ? JSON.stringify(toPayload(serverValues)) : null,
      syncedText: serverValues ? textKey(serverValues) : null,
      inFlight: null as Promise<boolean> | null,
      timer: undefined as number | undefined,
      retry: undefined as number | undefined,
      offline: false,
      callbacks: { onCreated, onSaved },
    };
  });
  r.callbacks = { onCreated, onSaved };
  const patch = useCallback(
    (next: Partial<SyncState>) => {
      if (next.offline !== undefined) r.offline = next.offline;
      setState((s) => ({ ...s, ...next }));
    },
    [r],
  );

  const persist = useCallback(
    (values: DraftValues, synced: boolean) => {
      const ok = writeLocal(userId, r.itemId, {
        values,
        savedAt: Date.now(),
        baseVersion: r.version,
        synced,
      });
      patch({ localFailed: !ok });
    },
    [userId, r, patch],
  );

  const saveRef = useRef<() => Promise<boolean>>(async () => true);

  const scheduleRetry = useCallback(() => {
    window.clearTimeout(r.retry);
    r.retry = window.setTimeout(() => void saveRef.current(), RETRY_MS);
  }, [r]);

  const saveOnce = useCallback(async (): Promise<boolean> => {
    const values = r.latest;
    if (!values) return true;
    const payload = toPayload(values);
    if (!payload) {
      patch({ phase: 'failed', problem: '请选择报送单位，草稿才能保存到服务器' });
      return false;
    }
    const json = JSON.stringify(payload);
    if (json === r.synced && r.itemId !== null) {
      persist(values, true);
      patch({ phase: 'saved', problem: null });
      return true;
    }
    if (!navigator.onLine) {
      patch({ offline: true, phase: 'dirty' });
      scheduleRetry();
      return false;
    }
    patch({ phase: 'saving' });
    try {
      let record: ItemRecord;
      if (r.itemId === null) {
        record = await api.post<ItemRecord>('/items', payload);
        r.itemId = record.data.id;
        removeLocal(userId, null);
        r.callbacks.onCreated(record);
      } else {
        record = await api.put<ItemRecord>(`/items/${r.itemId}/draft`, { ...payload, version: r.version });
      }
      r.version = record.data.version;
      r.synced = json;
      r.syncedText = textKey(values);
      const settled = r.latest === values;
      persist(r.latest ?? values, settled);
      patch({
        itemId: r.itemId,
        phase: settled ? 'saved' : 'dirty',
        offline: false,
        savedAt: Date.now(),
        problem: null,
      });
      r.callbacks.onSaved(record);
      if (!settled) r.timer = window.setTimeout(() => void saveRef.current(), SAVE_DELAY_MS);
      return settled;
    } catch (error) {
      if (error instanceof ApiError && error.code === 'NETWORK') {
        patch({ offline: true, phase: 'dirty' });
        scheduleRetry();
        return false;
      }
      if (error instanceof ApiError && error.code === 'ITEM_STALE' && r.itemId !== null) {
        const latest = await itemApi.get(r.itemId).catch(() => null);
        if (latest) {
          if (r.syncedText !== null && textKey(fromDetail(latest.data)) === r.syncedText) {
            // Only the row moved (an attachment, a co-author's setting): save again on top of it.
            r.version = latest.data.version;
            r.synced = null;
            return saveOnce();
          }
          patch({ phase: 'failed', conflict: latest, problem: null });
          return false;
        }
      }
      const message = error instanceof ApiError ? error.message : '保存失败，请稍后再试';
      patch({ phase: 'failed', problem: message });
      if (error instanceof ApiError && error.status >= 500) scheduleRetry();
      return false;
    }
  }, [r, userId, persist, patch, scheduleRetry]);

  const save = useCallback((): Promise<boolean> => {
    window.clearTimeout(r.timer);
    if (r.inFlight) return r.inFlight.then(() => saveRef.current());
    const running = saveOnce().finally(() => {
      r.inFlight = null;
    });
    r.inFlight = running;
    return running;
  }, [r, saveOnce]);
  saveRef.current = save;

  const change = useCallback(
    (values: DraftValues) => {
      r.latest = values;
      persist(values, false);
      patch({ phase: 'dirty' });
      window.clearTimeout(r.timer);
      r.timer = window.setTimeout(() => void saveRef.current(), SAVE_DELAY_MS);
    },
    [r, persist, patch],
  );

  useEffect(() => {
    const online = () => {
      patch({ offline: false });
      void saveRef.current();
    };
    const offline = () => patch({ offline: true });
    const leave = () => void saveRef.current();
    window.addEventListener('online', online);
    window.addEventListener('offline', offline);
    window.addEventListener('pagehide', leave);
    return () => {
      window.removeEventListener('online', online);
      window.removeEventListener('offline', offline);
      window.removeEventListener('pagehide', leave);
      window.clearTimeout(r.timer);
      window.clearTimeout(r.retry);
      // Left with unsaved text: one last try (after any save still running, never a second draft).
      if (r.latest && JSON.stringify(toPayload(r.latest)) !== r.synced) void saveRef.current();
    };
  }, [r, patch]);

  /** After a conflict: keep this page's text and save it over the newer server copy. */
  const keepMine = useCallback(() => {
    if (!state.conflict) return;
    r.version = state.conflict.data.version;
    r.synced = null;
    patch({ conflict: null });
    void save();
  }, [state.conflict, r, patch, save]);

  /** After a conflict: take the server's copy (returned for the form to show). */
  const takeServer = useCallback((): DraftValues | null => {
    if (!state.conflict) return null;
    const values = fromDetail(state.conflict.data);
    r.version = state.conflict.data.version;
    r.synced = JSON.stringify(toPayload(values));
    r.syncedText = textKey(values);
    r.latest = values;
    persist(values, true);
    patch({ conflict: null, phase: 'saved' });
    return values;
  }, [state.conflict, r, persist, patch]);

  /** Submitted: the browser copy has done its job. */
  const finish = useCallback(() => {
    window.clearTimeout(r.timer);
    r.latest = null;
    removeLocal(userId, r.itemId);
  }, [r, userId]);

  const version = useCallback(() => r.version, [r]);
  /** Read after a failed save: was it the connection? */
  const isOffline = useCallback(() => r.offline || !navigator.onLine, [r]);

  return { state, change, save, keepMine, takeServer, finish, version, isOffline };
}
