import { Cascader } from 'antd';
import { useMemo } from 'react';
import type { Topic } from '../item/item-api.ts';

interface Option {
  value: number;
  label: string;
  children?: Option[];
}

interface Props {
  topics: readonly Topic[];
  value?: number | null;
  onChange?: (value: number | null) => void;
  disabled?: boolean;
  'data-testid'?: string;
}

const byOrder = (a: Topic, b: Topic) => a.sortOrder - b.sortOrder || a.id - b.id;

/** The two-level topic dictionary: a broad area, then a sub-topic (areas without any are picked directly). */
export function TopicCascader({ topics, value, onChange, ...rest }: Props) {
  const options = useMemo<Option[]>(() => {
    const active = topics.filter((t) => t.active);
    return active
      .filter((t) => t.parentId === null)
      .sort(byOrder)
      .map((root) => {
        const children = active.filter((t) => t.parentId === root.id).sort(byOrder);
        return {
          value: root.id,
          label: root.name,
          children: children.length > 0 ? children.map((c) => ({ value: c.id, label: c.name })) : undefined,
        };
      });
  }, [topics]);

  const path = useMemo(() => {
    const topic = topics.find((t) => t.id === value);
    if (!topic) return undefined;
    return topic.parentId === null ? [topic.id] : [topic.parentId, topic.id];
  }, [topics, value]);

  return (
    <Cascader<Option>
      {...rest}
      options={options}
      value={path}
      onChange={(next) => onChange?.(next && next.length > 0 ? (next[next.length - 1] as number) : null)}
      placeholder="请选择信息分类"
      showSearch
      allowClear
      expandTrigger="click"
      style={{ width: '100%' }}
    />
  );
}
