import { FilterOutlined } from '@ant-design/icons';
import {
  AGE_BAND_LABELS,
  EDUCATION_LABELS,
  MEMBER_STATUS_LABELS,
  MOBILITY_LABELS,
  TALENT_LABELS,
} from '@tongxin/contracts/labels';
import { Button, Checkbox, Input, Select } from 'antd';
import { type CSSProperties, type ReactNode, useEffect, useState } from 'react';
import { useDebounced } from '../../lib/useDebounced';
import { useOrg } from '../orgs/api';
import { OrgPicker } from '../orgs/OrgPicker';
import { beijingToday } from './dates';
import { activeFilters, type FilterPart, type MemberFilter } from './filters';
import { memberMessages as m } from './messages';

const options = <K extends string>(labels: Record<K, string>) =>
  (Object.entries(labels) as [K, string][]).map(([value, label]) => ({ value, label }));

/** Join years from this year back to 1921, newest first. */
const joinYears = () => {
  const now = Number(beijingToday().slice(0, 4));
  return Array.from({ length: now - 1920 }, (_, i) => ({ value: now - i, label: `${now - i}年` }));
};

interface Props {
  value: MemberFilter;
  mobile: boolean;
  /** `typing` marks a change from the search box, which replaces the history entry instead of adding one. */
  onChange: (next: FilterPart, typing?: boolean) => void;
}

/** The search box (debounced) and the filter bar; every change goes to the URL at once. */
export function MemberFilters({ value, mobile, onChange }: Props) {
  const [draft, setDraft] = useState(value.q ?? '');
  const debounced = useDebounced(draft, 350);
  const [open, setOpen] = useState(false);
  const org = useOrg(value.orgId ?? '');
  const { q, sort: _s, page: _p, pageSize: _ps, ...rest } = value;
  const set = (part: Partial<FilterPart>) => onChange({ ...rest, q, ...part });

  // The URL is the truth: going back or following a link puts its search into the box.
  useEffect(() => setDraft(q ?? ''), [q]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a settled change of the box is sent
  useEffect(() => {
    const next = debounced.trim() || undefined;
    if (next !== q) onChange({ ...rest, q: next }, true);
  }, [debounced]);

  const count = activeFilters(value);
  const width = (px: number): CSSProperties => ({ width: mobile ? '100%' : px });
  const item = (label: string, id: string, control: ReactNode) => (
    <div style={{ display: 'flex', flexDirection: mobile ? 'column' : 'row', alignItems: mobile ? 'stretch' : 'center', gap: 6 }}>
      <label htmlFor={id} style={{ whiteSpace: 'nowrap', color: 'rgba(0,0,0,0.65)' }}>
        {label}
      </label>
      {control}
    </div>
  );

  return (
    <div style={{ marginBottom: 16 }}>
      <div style={{ display: 'flex', gap: 8, flexWrap: mobile ? 'nowrap' : 'wrap' }}>
        <Input.Search
          allowClear
          value={draft}
          placeholder={m.searchPlaceholder}
          aria-label={m.searchPlaceholder}
          onChange={(e) => setDraft(e.target.value)}
          onSearch={(v) => set({ q: v.trim() || undefined })}
          style={{ width: mobile ? '100%' : 420 }}
          data-testid="member-search"
        />
        {mobile && (
          <Button icon={<FilterOutlined />} onClick={() => setOpen(!open)} aria-expanded={open}>
            {m.filters}
            {count > 0 ? `（${count}）` : ''}
          </Button>
        )}
      </div>
      <div
        hidden={mobile && !open}
        style={{
          display: mobile && !open ? 'none' : 'flex',
          flexDirection: mobile ? 'column' : 'row',
          flexWrap: 'wrap',
          gap: mobile ? 10 : '12px 16px',
          marginTop: 12,
        }}
        data-testid="member-filters"
      >
        {item(
          m.orgFilter,
          'member-filter-org',
          <div style={width(260)}>
            <OrgPicker
              id="member-filter-org"
              key={`${value.orgId ?? ''}:${org.data?.name ?? ''}`}
              value={value.orgId ?? null}
              initialLabel={org.data?.name ?? null}
              placeholder={m.anyOrg}
              allowClear
              onChange={(id) => set({ orgId: id ?? undefined })}
            />
          </div>,
        )}
        {item(
          m.statusFilter,
          'member-filter-status',
          <Select
            id="member-filter-status"
            allowClear
            placeholder={m.all}
            style={width(120)}
            value={value.status}
            options={options(MEMBER_STATUS_LABELS)}
            onChange={(v) => set({ status: v })}
          />,
        )}
        {item(
          m.mobilityFilter,
          'member-filter-mobility',
          <Select
            id="member-filter-mobility"
            allowClear
            placeholder={m.all}
            style={width(120)}
            value={value.mobility}
            options={options(MOBILITY_LABELS)}
            onChange={(v) => set({ mobility: v })}
          />,
        )}
        {item(
          m.educationFilter,
          'member-filter-education',
          <Select
            id="member-filter-education"
            allowClear
            placeholder={m.all}
            style={width(130)}
            value={value.education}
            options={options(EDUCATION_LABELS)}
            onChange={(v) => set({ education: v })}
          />,
        )}
        {item(
          m.ageBandFilter,
          'member-filter-ageBand',
          <Select
            id="member-filter-ageBand"
            allowClear
            placeholder={m.all}
            style={width(130)}
            value={value.ageBand}
            options={options(AGE_BAND_LABELS)}
            onChange={(v) => set({ ageBand: v })}
          />,
        )}
        {item(
          m.joinYearFilter,
          'member-filter-joinYear',
          <Select
            id="member-filter-joinYear"
            allowClear
            showSearch
            placeholder={m.all}
            style={width(110)}
            value={value.joinYear}
            options={joinYears()}
            onChange={(v) => set({ joinYear: v })}
          />,
        )}
        {item(
          m.talentFilter,
          'member-filter-talent',
          <Select
            id="member-filter-talent"
            allowClear
            placeholder={m.all}
            style={width(150)}
            value={value.talent}
            options={options(TALENT_LABELS)}
            onChange={(v) => set({ talent: v })}
          />,
        )}
        <Checkbox checked={value.archived === 'true'} onChange={(e) => set({ archived: e.target.checked ? 'true' : undefined })}>
          {m.archivedFilter}
        </Checkbox>
        <Button
          onClick={() => {
            setDraft('');
            onChange({});
          }}
        >
          {m.reset}
        </Button>
      </div>
    </div>
  );
}
