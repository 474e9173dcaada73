import { Select, Typography } from 'antd';
import { useState } from 'react';
import { useDebounced } from '../../lib/useDebounced';
import { useDestinations } from './api';
import { transferMessages as m } from './messages';

interface Props {
  value?: string | null;
  onChange?: (id: string | null) => void;
  /** The member's own org, which cannot be the destination. */
  exclude?: string | null;
  id?: string;
}

/** Pick the receiving org from the city-wide directory (names only), by name or pinyin initials. */
export function DestinationPicker({ value, onChange, exclude, id }: Props) {
  const [q, setQ] = useState('');
  const search = useDestinations(useDebounced(q));
  const [labels, setLabels] = useState<Record<string, string>>({});
  const hits = (search.data ?? []).filter((h) => h.id !== exclude);
  return (
    <Select
      id={id}
      showSearch={{ filterOption: false, onSearch: setQ }}
      value={value ?? undefined}
      placeholder={m.form.destinationPlaceholder}
      notFoundContent={q.trim() ? (search.isFetching ? '搜索中…' : m.form.destinationEmpty) : m.form.destinationPlaceholder}
      loading={search.isFetching}
      onChange={(next: string | undefined) => {
        const hit = hits.find((h) => h.id === next);
        if (hit) setLabels((prev) => ({ ...prev, [hit.id]: hit.name }));
        onChange?.(next ?? null);
      }}
      options={hits.map((h) => ({
        value: h.id,
        label: h.name,
        display: (
          <div style={{ whiteSpace: 'normal', lineHeight: 1.4, padding: '2px 0' }}>
            <div>{h.name}</div>
            {h.districtName && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {h.districtName}
              </Typography.Text>
            )}
          </div>
        ),
      }))}
      optionRender={(option) => option.data.display}
      labelRender={(item) => labels[String(item.value)] ?? String(item.label ?? '')}
      style={{ width: '100%' }}
      data-testid="transfer-destination"
    />
  );
}
