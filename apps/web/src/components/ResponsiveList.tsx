import { Card, Empty, Grid, Pagination, Table, type TableColumnsType, type TablePaginationConfig, type TableProps } from 'antd';
import type { Key, ReactNode } from 'react';

/** How one row looks as a card on a phone. */
export interface CardSpec {
  title?: ReactNode;
  extra?: ReactNode;
  body?: ReactNode;
  /** The whole card opens the row (a detail drawer, a page). */
  onClick?: () => void;
  testId?: string;
}

interface Props<T> {
  items: readonly T[];
  rowKey: (keyof T & string) | ((row: T) => Key);
  columns: TableColumnsType<T>;
  card: (row: T) => CardSpec;
  /** What an empty list says: a sentence (shown in antd's empty state) or a whole node. */
  empty: ReactNode;
  loading?: boolean;
  /** false: no pager (a short list). On a phone the pager is the simple one, below the cards. */
  pagination?: TablePaginationConfig | false;
  /** The row's buttons: the last (fixed) column on a laptop, under the card's body on a phone. */
  actions?: (row: T) => ReactNode;
  actionsTitle?: string;
  actionsWidth?: number;
  /** The table's width before it scrolls sideways. */
  scrollX?: number;
  /** Forces the layout (tests, narrow panels); by default cards below antd's sm breakpoint (576 px). */
  phone?: boolean;
  testId?: string;
  /** data-testid of the cards' container on a phone. */
  cardsTestId?: string;
  /** Anything else the table takes (sorting, row clicks, size). */
  table?: Omit<TableProps<T>, 'columns' | 'dataSource' | 'rowKey' | 'pagination' | 'loading' | 'locale'>;
}

/** True below 576 px: a phone held upright, where a table would scroll sideways. */
export function usePhoneWidth(): boolean {
  return Grid.useBreakpoint().sm === false;
}

/**
 * The one list of the app: a table on a laptop, cards on a phone, with the same pagination, empty state and row
 * actions on both.
 */
export function ResponsiveList<T extends object>({
  items,
  rowKey,
  columns,
  card,
  empty,
  loading = false,
  pagination = false,
  actions,
  actionsTitle = '操作',
  actionsWidth = 150,
  scrollX,
  phone,
  testId,
  cardsTestId,
  table,
}: Props<T>) {
  const narrow = usePhoneWidth();
  const emptyNode = typeof empty === 'string' ? <Empty description={empty} image={Empty.PRESENTED_IMAGE_SIMPLE} /> : empty;
  const keyOf = (row: T): Key => (typeof rowKey === 'function' ? rowKey(row) : (row[rowKey] as Key));

  if (phone ?? narrow)
    return (
      <div style={{ display: 'grid', gap: 8 }} data-testid={cardsTestId}>
        {loading && items.length === 0 && <Card size="small" loading />}
        {!loading && items.length === 0 && emptyNode}
        {items.map((row) => {
          const c = card(row);
          return (
            <Card
              key={keyOf(row)}
              size="small"
              title={c.title}
              extra={c.extra}
              hoverable={!!c.onClick}
              onClick={c.onClick}
              data-testid={c.testId}
            >
              {c.body}
              {actions && (
                // A button inside a clickable card acts on its own.
                // biome-ignore lint/a11y/noStaticElementInteractions: only stops the click reaching the card
                // biome-ignore lint/a11y/useKeyWithClickEvents: the buttons inside take the keyboard
                <div style={{ marginTop: c.body ? 8 : 0 }} onClick={(e) => e.stopPropagation()}>
                  {actions(row)}
                </div>
              )}
            </Card>
          );
        })}
        {pagination && items.length > 0 && (
          <Pagination {...pagination} simple showSizeChanger={false} style={{ justifyContent: 'center', marginTop: 8 }} />
        )}
      </div>
    );

  const all: TableColumnsType<T> = actions
    ? [...columns, { title: actionsTitle, key: 'actions', width: actionsWidth, fixed: 'right', render: (_, row) => actions(row) }]
    : columns;
  return (
    <Table<T>
      size="middle"
      {...table}
      rowKey={rowKey as TableProps<T>['rowKey']}
      loading={loading}
      dataSource={items as T[]}
      pagination={pagination}
      locale={{ emptyText: emptyNode }}
      scroll={scrollX ? { x: scrollX } : table?.scroll}
      columns={all}
      data-testid={testId}
    />
  );
}
