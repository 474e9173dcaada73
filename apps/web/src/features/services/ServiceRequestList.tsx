import type { ServiceRequestSummary } from '@tongxin/contracts';
import { SERVICE_CATEGORY_LABELS, SERVICE_RATING_LABELS } from '@tongxin/contracts/labels';
import { Rate, Space, type TablePaginationConfig, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import { ResponsiveList } from '../../components/ResponsiveList';
import { formatDate } from '../../lib/format';
import { serviceMessages as m } from './messages';
import { ServiceStatusTag } from './ServiceStatusTag';

interface Props {
  items: ServiceRequestSummary[];
  loading: boolean;
  pagination: TablePaginationConfig | false;
  empty: ReactNode;
  /** Hide the enterprise column (the enterprise's own page, or a contact with one enterprise). */
  hideEnterprise?: boolean;
}

const muted = { fontSize: 12, color: 'rgba(0,0,0,0.45)' } as const;

function Due({ r }: { r: ServiceRequestSummary }) {
  const done = r.status === 'answered' || r.status === 'closed' || r.status === 'withdrawn';
  return (
    <span style={{ fontVariantNumeric: 'tabular-nums', color: r.overdue ? '#cf1322' : done ? 'rgba(0,0,0,0.45)' : undefined }}>
      {r.dueOn}
    </span>
  );
}

function Rating({ r }: { r: ServiceRequestSummary }) {
  if (r.rating === null) return <span style={muted}>—</span>;
  return (
    <span title={SERVICE_RATING_LABELS[r.rating as 1 | 2 | 3 | 4 | 5]}>
      <Rate disabled value={r.rating} style={{ fontSize: 12 }} />
    </span>
  );
}

/** Requests as a table on a laptop and as cards on a phone; the title opens the thread. */
export function ServiceRequestList({ items, loading, pagination, empty, hideEnterprise }: Props) {
  const navigate = useNavigate();
  return (
    <ResponsiveList<ServiceRequestSummary>
      items={items}
      rowKey="id"
      loading={loading}
      pagination={pagination}
      empty={empty}
      scrollX={hideEnterprise ? 860 : 1080}
      cardsTestId="service-cards"
      card={(r) => ({
        onClick: () => navigate(`/services/${r.id}`),
        body: (
          <>
            <div style={{ display: 'flex', gap: 8, alignItems: 'flex-start' }}>
              <Link
                to={`/services/${r.id}`}
                data-testid="service-open"
                style={{ flex: 1, minWidth: 0, color: 'inherit' }}
                onClick={(e) => e.stopPropagation()}
              >
                <Typography.Text strong>{r.title}</Typography.Text>
              </Link>
              <ServiceStatusTag r={r} />
            </div>
            <div style={{ ...muted, marginTop: 4 }}>
              {hideEnterprise ? '' : `${r.enterprise.name} · `}
              {SERVICE_CATEGORY_LABELS[r.category]}
            </div>
            <Space size={12} wrap style={{ ...muted, marginTop: 4 }}>
              <span>
                {m.col.raisedOn} {r.raisedOn}
              </span>
              <span>
                {m.col.dueOn} <Due r={r} />
              </span>
              {r.assignee && (
                <span>
                  {m.col.assignee} {r.assignee.name}
                </span>
              )}
              {r.rating !== null && <Rating r={r} />}
            </Space>
          </>
        ),
      })}
      columns={[
        {
          title: m.col.title,
          key: 'title',
          render: (_, r) => (
            <div style={{ minWidth: 200 }}>
              <Link to={`/services/${r.id}`} data-testid="service-open">
                {r.title}
              </Link>
              <div style={muted}>{SERVICE_CATEGORY_LABELS[r.category]}</div>
            </div>
          ),
        },
        ...(hideEnterprise
          ? []
          : [
              {
                title: m.col.enterprise,
                key: 'enterprise',
                width: 200,
                render: (_: unknown, r: ServiceRequestSummary) => r.enterprise.name,
              },
            ]),
        { title: m.col.status, key: 'status', width: 140, render: (_, r) => <ServiceStatusTag r={r} /> },
        {
          title: m.col.assignee,
          key: 'assignee',
          width: 110,
          render: (_, r) => r.assignee?.name ?? <span style={muted}>{m.unassigned}</span>,
        },
        { title: m.col.raisedOn, key: 'raisedOn', width: 110, render: (_, r) => formatDate(r.raisedOn) },
        { title: m.col.dueOn, key: 'dueOn', width: 110, render: (_, r) => <Due r={r} /> },
        { title: m.col.rating, key: 'rating', width: 120, render: (_, r) => <Rating r={r} /> },
      ]}
    />
  );
}
