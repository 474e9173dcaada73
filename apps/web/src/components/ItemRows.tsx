import { Flex } from 'antd';
import type { Key, ReactNode } from 'react';

/** One row of a plain list: a title line, a secondary line under it, and what sits at the right end. */
export interface ItemRow {
  key: Key;
  title: ReactNode;
  description?: ReactNode;
  extra?: ReactNode;
  testId?: string;
}

interface Props {
  rows: readonly ItemRow[];
  /** What an empty list shows (nothing by default). */
  empty?: ReactNode;
  testId?: string;
  /** Padding of each row: 'small' for panels, 'middle' for a page. */
  size?: 'small' | 'middle';
}

/** A short plain list (to-dos, deadlines, log entries): rows divided by a hairline, no table chrome. */
export function ItemRows({ rows, empty = null, testId, size = 'small' }: Props) {
  if (rows.length === 0) return <>{empty}</>;
  const padding = size === 'small' ? '8px 0' : '12px 0';
  return (
    <ul data-testid={testId} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {rows.map((r, i) => (
        <Flex
          key={r.key}
          component="li"
          gap={12}
          align="center"
          data-testid={r.testId}
          style={{ padding, borderTop: i === 0 ? undefined : '1px solid rgba(5,5,5,0.06)' }}
        >
          <div style={{ flex: 1, minWidth: 0 }}>
            <div style={{ color: 'rgba(0,0,0,0.88)' }}>{r.title}</div>
            {r.description !== undefined && r.description !== null && (
              <div style={{ color: 'rgba(0,0,0,0.45)', fontSize: 13, marginTop: 2 }}>{r.description}</div>
            )}
          </div>
          {r.extra}
        </Flex>
      ))}
    </ul>
  );
}
