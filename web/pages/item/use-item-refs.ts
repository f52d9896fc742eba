import { useEffect, useState } from 'react';
import { type ItemSettings, itemApi } from './item-api.ts';

/** Item settings change rarely: one request per page load, shared by every screen. */
let settingsPromise: Promise<ItemSettings> | null = null;

function useShared<T>(load: () => Promise<T>, forget: () => void) {
  const [value, setValue] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    let alive = true;
    load().then(
      (answer) => alive && setValue(answer),
      (failure: unknown) => {
        forget();
        if (alive) setError(failure);
      },
    );
    return () => {
      alive = false;
    };
  }, [load, forget]);
  return { value, error };
}

const loadSettings = () => {
  settingsPromise ??= itemApi.settings();
  return settingsPromise;
};
const forgetSettings = () => {
  settingsPromise = null;
};

export function useItemSettings() {
  const { value, error } = useShared(loadSettings, forgetSettings);
  return { settings: value, error };
}
