import type { z } from 'zod';
import type { topicInput, topicSchema } from '../../../shared/schemas/items.ts';

export type Topic = z.infer<typeof topicSchema>;
export type TopicInput = z.input<typeof topicInput>;

export interface TopicNode extends Topic {
  children?: TopicNode[];
}

const byOrder = (a: Topic, b: Topic) => a.sortOrder - b.sortOrder || a.id - b.id;

/** The flat dictionary as two levels in display order (`children` only on top-level rows that have some). */
export function topicTree(topics: readonly Topic[]): TopicNode[] {
  const roots = topics.filter((t) => t.parentId === null).sort(byOrder);
  return roots.map((root) => {
    const children = topics.filter((t) => t.parentId === root.id).sort(byOrder);
    return children.length > 0 ? { ...root, children } : { ...root };
  });
}

/** Siblings of a topic (itself included), in display order. */
export function siblingsOf(topics: readonly Topic[], topic: Topic): Topic[] {
  return topics.filter((t) => t.parentId === topic.parentId).sort(byOrder);
}

/** The cascader path of a topic: [parent, child] or [top-level]. */
export function topicPath(topics: readonly Topic[], id: number | undefined): number[] | undefined {
  const topic = id === undefined ? undefined : topics.find((t) => t.id === id);
  if (!topic) return undefined;
  return topic.parentId === null ? [topic.id] : [topic.parentId, topic.id];
}

export interface TopicOption {
  value: number;
  label: string;
  children?: TopicOption[];
}

/** Cascader options; disabled topics stay listed (old items carry them) with a mark. */
export function topicOptions(topics: readonly Topic[]): TopicOption[] {
  const label = (t: Topic) => (t.active ? t.name : `${t.name}（已停用）`);
  return topicTree(topics).map((root) => ({
    value: root.id,
    label: label(root),
    children: root.children ? root.children.map((c) => ({ value: c.id, label: label(c) })) : undefined,
  }));
}
