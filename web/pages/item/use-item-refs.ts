import { useEffect, useState } from 'react';
import { type ItemSettings, itemApi, type Topic } from './item-api.ts';

/** Settings and topics change rarely: one request per page load, shared by every screen. */
let settingsPromise: Promise<ItemSettings> | null = null;
let topicsPromise: Promise<Topic[]> | null = null;

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
const loadTopics = () => {
  topicsPromise ??= itemApi.topics().then((answer) => answer.data);
  return topicsPromise;
};
const forgetTopics = () => {
  topicsPromise = null;
};

export function useItemSettings() {
  const { value, error } = useShared(loadSettings, forgetSettings);
  return { settings: value, error };
}

export function useTopics() {
  const { value, error } = useShared(loadTopics, forgetTopics);
  return { topics: value ?? [], loaded: value !== null, error };
}
