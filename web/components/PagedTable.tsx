import { Table, type TablePaginationConfig, type TableProps } from 'antd';

interface Props<T> {
  /** Test id of the wrapper (antd Table does not pass data-testid through). */
  testId: string;
  list: { loading: boolean; data: T[]; pagination: TablePaginationConfig };
  columns: TableProps<T>['columns'];
  size?: TableProps<T>['size'];
  scrollX?: number | 'max-content';
}

/** A server-paginated table fed by `usePagedList`, scrolling sideways on narrow screens. */
export function PagedTable<T extends { id: number | string }>({
  testId,
  list,
  columns,
  size,
  scrollX = 'max-content',
}: Props<T>) {
  return (
    <div data-testid={testId}>
      <Table<T>
        rowKey="id"
        size={size}
        loading={list.loading}
        dataSource={list.data}
        columns={columns}
        pagination={list.pagination}
        scroll={{ x: scrollX }}
      />
    </div>
  );
}
