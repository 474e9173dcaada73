import { Select, Typography } from 'antd';
import { useState } from 'react';
import { useDebounced } from '../../lib/useDebounced';
import { useOrgSearch } from './api';
import { orgMessages as m, orgKindLabel } from './messages';

interface Props {
  value?: string | null;
  onChange?: (id: string | null) => void;
  /** Orgs that may not be picked (e.g. the org itself when moving it). */
  exclude?: string[];
  placeholder?: string;
  id?: string;
  allowClear?: boolean;
  /** Name of the org already in `value` when the form opens (so no raw id is ever shown). */
  initialLabel?: string | null;
}

/** Pick an organisation by searching its name or pinyin initials (a form control). */
export function OrgPicker({ value, onChange, exclude = [], placeholder, id, allowClear, initialLabel }: Props) {
  const [q, setQ] = useState('');
  const search = useOrgSearch(useDebounced(q));
  const [labels, setLabels] = useState<Record<string, string>>(value && initialLabel ? { [value]: initialLabel } : {});
  const hits = (search.data ?? []).filter((h) => h.status === 'active' && !exclude.includes(h.id));

  return (
    <Select
      id={id}
      showSearch={{ filterOption: false, onSearch: setQ }}
      value={value ?? undefined}
      allowClear={allowClear}
      placeholder={placeholder ?? m.pickerPlaceholder}
      notFoundContent={q.trim() ? (search.isFetching ? '搜索中…' : m.searchEmpty) : m.pickerPlaceholder}
      loading={search.isFetching}
      onChange={(next: string | undefined) => {
        const hit = hits.find((h) => h.id === next);
        if (hit) setLabels((prev) => ({ ...prev, [hit.id]: hit.name }));
        onChange?.(next ?? null);
      }}
      options={hits.map((h) => ({
        value: h.id,
        label: h.name,
        title: h.name,
        display: (
          <div style={{ whiteSpace: 'normal', lineHeight: 1.4, padding: '2px 0' }}>
            <div>
              {h.name} <Typography.Text type="secondary">· {orgKindLabel(h.kind, h.level)}</Typography.Text>
            </div>
            {h.path.length > 1 && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {h.path
                  .slice(0, -1)
                  .map((p) => p.name)
                  .join(' / ')}
              </Typography.Text>
            )}
          </div>
        ),
      }))}
      optionRender={(option) => option.data.display}
      labelRender={(item) => labels[String(item.value)] ?? (typeof item.label === 'string' ? item.label : '')}
      style={{ width: '100%' }}
    />
  );
}
