import { Empty, Input, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useDebounced } from '../../lib/useDebounced';
import { useOrgSearch } from './api';
import { orgMessages as m, orgKindLabel } from './messages';

/** Search box over the tree; while it holds text, its results replace the tree. */
export function OrgSearch({ onPick, children }: { onPick: (id: string) => void; children: React.ReactNode }) {
  const [q, setQ] = useState('');
  const debounced = useDebounced(q);
  const search = useOrgSearch(debounced);
  const active = q.trim().length > 0;

  return (
    <div>
      <Input.Search
        allowClear
        placeholder={m.searchPlaceholder}
        value={q}
        onChange={(e) => setQ(e.target.value)}
        style={{ marginBottom: 12 }}
        aria-label={m.searchPlaceholder}
      />
      {!active && children}
      {active && search.isFetching && !search.data && <Spin style={{ display: 'block', margin: 16 }} />}
      {active && search.data && search.data.length === 0 && <Empty description={m.searchEmpty} />}
      {active && search.data && search.data.length > 0 && (
        <div data-testid="org-search-results" role="listbox">
          {search.data.map((hit) => (
            <button
              type="button"
              key={hit.id}
              className="tx-search-hit"
              onClick={() => {
                setQ('');
                onPick(hit.id);
              }}
            >
              <div>
                <Typography.Text strong>{hit.name}</Typography.Text>
                <Tag style={{ marginInlineStart: 6 }}>{orgKindLabel(hit.kind, hit.level)}</Tag>
                {hit.status === 'archived' && <Tag>{m.archived}</Tag>}
              </div>
              {hit.path.length > 1 && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {hit.path
                    .slice(0, -1)
                    .map((p) => p.name)
                    .join(' / ')}
                </Typography.Text>
              )}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
