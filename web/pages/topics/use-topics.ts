import { useMemo } from 'react';
import type { ListResponse } from '../../api/client.ts';
import { useApiData } from '../workbench/use-desk-data.ts';
import type { Topic } from './topic-types.ts';

/** The topic dictionary (GET /topics), flat with parentId. */
export function useTopics() {
  const { data, loading, reload } = useApiData<ListResponse<Topic, { manage: boolean }>>('/topics');
  const topics = useMemo(() => data?.data ?? [], [data]);
  return { topics, abilities: data?.abilities ?? null, loading, reload };
}
