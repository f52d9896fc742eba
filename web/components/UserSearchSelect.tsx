import { Select, Spin } from 'antd';
import { type CSSProperties, useEffect, useRef, useState } from 'react';
import type { UserView } from '../../shared/schemas/users.ts';
import { api, type ListResponse, toQuery } from '../api/client.ts';
import { useNotifyError } from './use-notify.ts';

interface Option {
  value: number;
  label: string;
}

interface Props {
  value?: number;
  onChange?: (value: number | undefined) => void;
  placeholder?: string;
  allowClear?: boolean;
  style?: CSSProperties;
  'data-testid'?: string;
}

const labelOf = (user: Pick<UserView, 'realName' | 'login'>) => `${user.realName}（${user.login}）`;

/** Find a user by name, login or mobile (GET /api/users?q=), 20 at a time. */
export function UserSearchSelect({ value, onChange, placeholder = '输入姓名或登录名查找', ...rest }: Props) {
  const notifyError = useNotifyError();
  const [options, setOptions] = useState<Option[]>([]);
  const [selected, setSelected] = useState<Option | null>(null);
  const [loading, setLoading] = useState(false);
  const [query, setQuery] = useState<string | null>(null);
  const timer = useRef<number | undefined>(undefined);

  useEffect(() => {
    if (query === null) return;
    const controller = new AbortController();
    setLoading(true);
    api
      .get<ListResponse<UserView, unknown>>(`/users${toQuery({ q: query, page: 1, pageSize: 20 })}`, {
        signal: controller.signal,
      })
      .then((answer) => {
        setOptions(answer.data.map((user) => ({ value: user.id, label: labelOf(user) })));
        setLoading(false);
      })
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        setLoading(false);
        notifyError(error);
      });
    return () => controller.abort();
  }, [query, notifyError]);

  useEffect(() => () => window.clearTimeout(timer.current), []);

  const search = (text: string) => {
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => setQuery(text.trim()), 300);
  };

  // Keep the chosen user's label even when the current search results no longer include it.
  const shown =
    selected && value === selected.value && !options.some((o) => o.value === value)
      ? [selected, ...options]
      : options;

  return (
    <Select<number, Option>
      showSearch
      filterOption={false}
      value={value}
      options={shown}
      placeholder={placeholder}
      onSearch={search}
      onOpenChange={(open) => {
        if (open && query === null) setQuery('');
      }}
      onChange={(next, option) => {
        setSelected(option && !Array.isArray(option) ? option : null);
        onChange?.(next);
      }}
      notFoundContent={loading ? <Spin size="small" /> : '未找到匹配的用户'}
      popupMatchSelectWidth={false}
      {...rest}
    />
  );
}
