import type { MemberSummary } from '@tongxin/contracts';
import { EDUCATION_LABELS, GENDER_LABELS, MOBILITY_LABELS } from '@tongxin/contracts/labels';
import { type TableColumnsType, type TablePaginationConfig, Tag, Typography } from 'antd';
import type { SortOrder } from 'antd/es/table/interface';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { type CardSpec, ResponsiveList } from '../../components/ResponsiveList';
import { formatDate } from '../../lib/format';
import { ageToday } from './dates';
import type { MemberSort } from './filters';
import { MemberStatusTag } from './MemberStatusTag';
import { memberMessages as m } from './messages';

interface Props {
  items: MemberSummary[];
  loading: boolean;
  sort: MemberSort;
  pagination: TablePaginationConfig;
  empty: ReactNode;
  /** Without it the columns do not offer sorting (the org page's tab lists by name only). */
  onSort?: (sort: MemberSort) => void;
  /** Fewer columns for a narrow panel (the org page): no ID number or education. */
  compact?: boolean;
}

const f = m.field;
const dash = (v: string | null | undefined) => v || m.none;

/** The antd sort order a column shows for the list's current sort key. */
function orderOf(sort: MemberSort, column: 'name' | 'joinedOn' | 'birthDate'): SortOrder {
  if (sort === column) return 'ascend';
  if (sort === `-${column}`) return 'descend';
  return null;
}

function ageAndBirth(r: MemberSummary) {
  const age = ageToday(r.birthDate);
  return (
    <span>
      {age === null ? m.none : m.age(age)}
      <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
        {formatDate(r.birthDate)}
      </Typography.Text>
    </span>
  );
}

const nameLink = (r: MemberSummary) => (
  <span>
    <Link to={`/members/${r.id}`} data-testid="member-link">
      {r.name}
    </Link>
    {r.archivedAt && (
      <Tag style={{ marginInlineStart: 6 }} color="default">
        {m.archivedTag}
      </Tag>
    )}
  </span>
);

const label = { color: 'rgba(0,0,0,0.45)' } as const;

const memberCard = (r: MemberSummary): CardSpec => ({
  testId: 'member-card',
  body: (
    <>
      <div style={{ display: 'flex', alignItems: 'center', gap: 8, flexWrap: 'wrap' }}>
        <Typography.Text strong style={{ fontSize: 16 }}>
          {nameLink(r)}
        </Typography.Text>
        <MemberStatusTag status={r.status} />
        {r.mobility !== 'regular' && <Tag>{MOBILITY_LABELS[r.mobility]}</Tag>}
        <div style={{ flex: 1 }} />
        <Typography.Text type="secondary">
          {[r.gender && GENDER_LABELS[r.gender], r.birthDate && m.age(ageToday(r.birthDate)!)].filter(Boolean).join(' · ')}
        </Typography.Text>
      </div>
      <Typography.Text type="secondary" style={{ display: 'block', fontSize: 13, marginTop: 4 }}>
        {r.orgName}
      </Typography.Text>
      <div style={{ display: 'grid', gridTemplateColumns: 'auto 1fr', gap: '2px 12px', marginTop: 6, fontSize: 13 }}>
        <span style={label}>{f.phone}</span>
        <span>{dash(r.phoneMasked)}</span>
        <span style={label}>{f.idNumber}</span>
        <span style={{ wordBreak: 'break-all' }}>{dash(r.idNumberMasked)}</span>
        <span style={label}>{f.joinedOn}</span>
        <span>{formatDate(r.joinedOn)}</span>
      </div>
    </>
  ),
});

/** A table with server-side paging and sorting on a laptop; compact cards on a phone. */
export function MemberList({ items, loading, sort, pagination, empty, onSort, compact = false }: Props) {
  const sortable = onSort !== undefined;
  const columns: TableColumnsType<MemberSummary> = [
    {
      title: f.name,
      key: 'name',
      width: 110,
      fixed: 'left',
      sorter: sortable,
      sortDirections: ['ascend'],
      sortOrder: orderOf(sort, 'name'),
      render: (_, r) => nameLink(r),
    },
    { title: f.gender, dataIndex: 'gender', width: 56, render: (v: MemberSummary['gender']) => (v ? GENDER_LABELS[v] : m.none) },
    {
      title: m.ageColumn,
      key: 'birthDate',
      width: 132,
      sorter: sortable,
      sortOrder: orderOf(sort, 'birthDate'),
      render: (_, r) => ageAndBirth(r),
    },
    { title: f.idNumber, key: 'idNumber', dataIndex: 'idNumberMasked', width: 168, render: dash },
    { title: f.phone, dataIndex: 'phoneMasked', width: 116, render: dash },
    {
      title: f.education,
      key: 'education',
      dataIndex: 'education',
      width: 100,
      render: (v: MemberSummary['education']) => (v ? EDUCATION_LABELS[v] : m.none),
    },
    {
      title: f.status,
      dataIndex: 'status',
      width: 90,
      render: (v: MemberSummary['status']) => <MemberStatusTag status={v} />,
    },
    {
      title: f.mobility,
      dataIndex: 'mobility',
      width: 90,
      render: (v: MemberSummary['mobility']) => MOBILITY_LABELS[v],
    },
    {
      title: f.joinedOn,
      key: 'joinedOn',
      width: 110,
      sorter: sortable,
      sortOrder: orderOf(sort, 'joinedOn'),
      render: (_, r) => formatDate(r.joinedOn),
    },
    { title: f.orgId, dataIndex: 'orgName', ellipsis: { showTitle: true } },
  ];

  const shown = compact ? columns.filter((c) => c.key !== 'idNumber' && c.key !== 'education') : columns;
  return (
    <ResponsiveList<MemberSummary>
      items={items}
      rowKey="id"
      loading={loading}
      pagination={pagination}
      empty={empty}
      scrollX={compact ? 880 : 1120}
      columns={shown}
      card={memberCard}
      testId="member-table"
      cardsTestId="member-cards"
      table={{
        showSorterTooltip: false,
        onChange: (_p, _f, sorter, extra) => {
          if (extra.action !== 'sort' || !onSort) return;
          const s = Array.isArray(sorter) ? sorter[0] : sorter;
          const key = s?.columnKey as 'name' | 'joinedOn' | 'birthDate' | undefined;
          if (!key || !s?.order || key === 'name') onSort('name');
          else onSort(s.order === 'descend' ? `-${key}` : key);
        },
      }}
    />
  );
}
