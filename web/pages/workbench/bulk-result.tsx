import { Typography } from 'antd';
import { ERROR_CODES } from '../../../shared/errors.ts';
import type { ItemSummary } from '../../../shared/schemas/items.ts';

export interface BulkFailure {
  id: number;
  code: string;
  message: string;
}

export interface BulkResult {
  done: number[];
  failed: BulkFailure[];
}

/** The server's Chinese message, or the default one of its code. */
function reasonOf(failure: BulkFailure): string {
  if (failure.message) return failure.message;
  const known = Object.entries(ERROR_CODES).find(([code]) => code === failure.code);
  return known ? known[1].message : '操作未成功，请刷新后重试';
}

interface Props {
  failed: readonly BulkFailure[];
  /** The selected items, to name each failed one by its number and title. */
  items: ReadonlyMap<number, ItemSummary>;
}

/** One line per item the server refused, with its reason. */
export function BulkFailureList({ failed, items }: Props) {
  return (
    <ul
      style={{ paddingInlineStart: 20, margin: 0, maxHeight: 320, overflow: 'auto' }}
      data-testid="bulk-failures"
    >
      {failed.map((failure) => {
        const item = items.get(failure.id);
        return (
          <li key={failure.id}>
            <Typography.Text strong>
              {item
                ? `${item.number ? `${item.number} ` : ''}${item.title || '（无标题）'}`
                : `信息 ${failure.id}`}
            </Typography.Text>
            ：{reasonOf(failure)}
          </li>
        );
      })}
    </ul>
  );
}
