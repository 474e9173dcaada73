import { useQuery } from '@tanstack/react-query';
import type { EnterpriseList } from '@tongxin/contracts';
import { AutoComplete, Input, Tag, Typography } from 'antd';
import { api } from '../../lib/api';
import { useDebounced } from '../../lib/useDebounced';
import { memberMessages as m } from './messages';

/** A form control for the 工作单位 text; the registry enterprise it names (or null: free text) goes to `onLink`. */
interface Props {
  value?: string;
  onChange?: (text: string) => void;
  enterpriseId: string | null;
  onLink: (enterpriseId: string | null) => void;
  id?: string;
}

// Option values carry this prefix so the AutoComplete's own onChange on select can be told apart from typing.
const PICK = '\u0001';
const AS_TEXT = `${PICK}text`;

/** The credit code as a hint, not in full: its region part and last four characters. */
export const maskCreditCode = (code: string) => (code.length > 8 ? `${code.slice(0, 4)}…${code.slice(-4)}` : code);

/**
 * 工作单位: a search over the enterprise registry the user can see (GET /api/enterprises, scoped on the server),
 * debounced; picking a hit links it, typing anything else keeps free text. A user without registry access simply
 * gets no hits (the query fails quietly) and types the name as before.
 */
export function EmployerPicker({ value, onChange, enterpriseId, onLink, id }: Props) {
  const name = value ?? '';
  const linked = enterpriseId;
  const q = useDebounced(name.trim(), 300);
  const search = useQuery({
    queryKey: ['enterprises', 'employer-search', q],
    queryFn: () => api<EnterpriseList>('/api/enterprises', { query: { q, page: 1, pageSize: 8 } }),
    enabled: q.length > 0 && linked === null,
    retry: false,
    staleTime: 30_000,
  });
  const hits = linked === null && q ? (search.data?.items ?? []) : [];
  const exact = hits.some((h) => h.name === name.trim());
  const options = [
    ...hits.map((h) => ({
      value: `${PICK}${h.id}`,
      label: (
        <div style={{ whiteSpace: 'normal', lineHeight: 1.4, padding: '2px 0' }} data-testid="employer-option">
          <div>{h.name}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {[h.parkName ?? h.districtName ?? h.area.name, `${m.creditCode} ${maskCreditCode(h.creditCode)}`].join(' · ')}
          </Typography.Text>
        </div>
      ),
    })),
    ...(name.trim() && !exact && !search.isFetching
      ? [
          {
            value: AS_TEXT,
            label: (
              <Typography.Text type="secondary" style={{ whiteSpace: 'normal' }}>
                {m.employerAsText(name.trim())}
              </Typography.Text>
            ),
          },
        ]
      : []),
  ];

  return (
    <AutoComplete
      id={id}
      value={name}
      options={options}
      popupMatchSelectWidth
      notFoundContent={search.isFetching ? m.employerSearching : null}
      onChange={(text: string) => {
        if (text.startsWith(PICK)) return; // a pick: handled by onSelect
        onChange?.(text ?? '');
        if (linked) onLink(null);
      }}
      onSelect={(picked: string) => {
        if (picked === AS_TEXT) return onLink(null);
        const hit = hits.find((h) => `${PICK}${h.id}` === picked);
        if (!hit) return;
        onChange?.(hit.name);
        onLink(hit.id);
      }}
    >
      <Input
        maxLength={60}
        allowClear
        placeholder={m.employerPlaceholder}
        suffix={
          linked ? (
            <Tag color="green" style={{ marginInlineEnd: 0 }}>
              {m.employerLinkedTag}
            </Tag>
          ) : undefined
        }
        data-testid="employer-input"
      />
    </AutoComplete>
  );
}
