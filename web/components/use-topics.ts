import { useMemo } from 'react';
import type { z } from 'zod';
import type { topicSchema } from '../../shared/schemas/items.ts';
import type { ListResponse } from '../api/client.ts';
import { useApiData } from './use-desk-data.ts';

type Topic = z.infer<typeof topicSchema>;

/** The topic dictionary (GET /topics), flat with parentId. */
export function useTopics() {
  const { data, loading, reload } = useApiData<ListResponse<Topic, { manage: boolean }>>('/topics');
  const topics = useMemo(() => data?.data ?? [], [data]);
  return { topics, abilities: data?.abilities ?? null, loading, reload };
}
