import type { MemberSummary } from '@tongxin/contracts';
import { Select, Typography } from 'antd';
import { useState } from 'react';
import { useDebounced } from '../../lib/useDebounced';
import { useMemberSearch } from './api';
import { transferMessages as m } from './messages';

interface Props {
  value?: string | null;
  onChange?: (id: string | null, member: MemberSummary | null) => void;
  id?: string;
}

/** Pick a member of the user's own scope by name, pinyin initials or ID number (the ledger's search). */
export function MemberPicker({ value, onChange, id }: Props) {
  const [q, setQ] = useState('');
  const search = useMemberSearch(useDebounced(q));
  const [picked, setPicked] = useState<MemberSummary | null>(null);
  const hits = search.data ?? [];
  return (
    <Select
      id={id}
      showSearch={{ filterOption: false, onSearch: setQ }}
      value={value ?? undefined}
      placeholder={m.form.memberPlaceholder}
      notFoundContent={q.trim() ? (search.isFetching ? '搜索中…' : m.form.memberEmpty) : m.form.memberPlaceholder}
      loading={search.isFetching}
      onChange={(next: string | undefined) => {
        const hit = hits.find((h) => h.id === next) ?? null;
        setPicked(hit);
        onChange?.(next ?? null, hit);
      }}
      options={hits.map((h) => ({
        value: h.id,
        label: h.name,
        display: (
          <div style={{ whiteSpace: 'normal', lineHeight: 1.4, padding: '2px 0' }}>
            <div>
              {h.name} <Typography.Text type="secondary">· {h.idNumberMasked ?? ''}</Typography.Text>
            </div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {h.orgName}
            </Typography.Text>
          </div>
        ),
      }))}
      optionRender={(option) => option.data.display}
      labelRender={(item) =>
        picked && picked.id === item.value ? `${picked.name}（${picked.orgName}）` : String(item.label ?? '')
      }
      style={{ width: '100%' }}
      data-testid="transfer-member"
    />
  );
}
