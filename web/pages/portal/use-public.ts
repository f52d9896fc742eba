import { useEffect, useState } from 'react';
import { PortalError } from './portal-api.ts';

export type PublicLoad<T> =
  | { state: 'loading' }
  | { state: 'failed'; status: number; message: string }
  | { state: 'ready'; value: T };

/** One public answer, asked again whenever `key` changes; a late answer to an old key is dropped. */
export function usePublic<T>(key: string, load: (signal: AbortSignal) => Promise<T>): PublicLoad<T> {
  const [result, setResult] = useState<PublicLoad<T>>({ state: 'loading' });
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` names everything `load` asks for
  useEffect(() => {
    const controller = new AbortController();
    setResult({ state: 'loading' });
    load(controller.signal).then(
      (value) => setResult({ state: 'ready', value }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        const status = error instanceof PortalError ? error.status : 0;
        setResult({
          state: 'failed',
          status,
          message: error instanceof PortalError ? error.message : '暂时无法获取，请稍后刷新',
        });
      },
    );
    return () => controller.abort();
  }, [key]);
  return result;
}

/** Plain paragraphs: one per line, blank lines ignored. */
export const paragraphs = (text: string) =>
  text
    .split(/\r?\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
