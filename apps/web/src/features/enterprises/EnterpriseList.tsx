import type { EnterpriseSummary } from '@tongxin/contracts';
import { Card, Descriptions, Pagination, Space, Table, type TablePaginationConfig, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { CoverageTag, OperatingTag } from './EnterpriseTags';
import { enterpriseMessages as m } from './messages';

interface Props {
  items: EnterpriseSummary[];
  loading: boolean;
  mobile: boolean;
  pagination: TablePaginationConfig;
  empty: ReactNode;
}

const area = (e: EnterpriseSummary) => (e.parkName ? `${e.districtName ?? ''} · ${e.parkName}` : (e.districtName ?? e.area.name));
const scopeTag = (e: EnterpriseSummary) => (e.inScope ? null : <Tag>{m.outScopeTag}</Tag>);

/** A table on a laptop; cards on a phone. */
export function EnterpriseList({ items, loading, mobile, pagination, empty }: Props) {
  if (mobile)
    return (
      <div style={{ display: 'grid', gap: 8 }} data-testid="enterprise-cards">
        {!loading && items.length === 0 && empty}
        {items.map((e) => (
          <Card
            key={e.id}
            size="small"
            title={<Link to={`/enterprises/${e.id}`}>{e.name}</Link>}
            extra={<CoverageTag kind={e.coverageKind} />}
          >
            <Descriptions
              size="small"
              column={1}
              items={[
                {
                  key: 'code',
                  label: m.col.code,
                  children: <span style={{ fontVariantNumeric: 'tabular-nums' }}>{e.creditCode}</span>,
                },
                { key: 'area', label: m.col.area, children: area(e) },
                {
                  key: 'staff',
                  label: m.col.employees,
                  children: (
                    <Space size={4}>
                      {e.employeeCount ?? '—'}
                      <OperatingTag status={e.operatingStatus} />
                      {scopeTag(e)}
                    </Space>
                  ),
                },
                ...(e.coveringOrg ? [{ key: 'org', label: m.col.coveringOrg, children: e.coveringOrg.name }] : []),
              ]}
            />
          </Card>
        ))}
        {items.length > 0 && <Pagination {...pagination} simple style={{ justifyContent: 'center', marginTop: 8 }} />}
      </div>
    );
  return (
    <Table<EnterpriseSummary>
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={items}
      pagination={pagination}
      locale={{ emptyText: empty }}
      scroll={{ x: 1100 }}
      columns={[
        {
          title: m.col.name,
          key: 'name',
          width: 260,
          fixed: 'left',
          render: (_, e) => (
            <div>
              <Link to={`/enterprises/${e.id}`} data-testid="enterprise-open">
                {e.name}
              </Link>
              <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.45)', fontVariantNumeric: 'tabular-nums' }}>{e.creditCode}</div>
            </div>
          ),
        },
        { title: m.col.area, key: 'area', width: 280, render: (_, e) => area(e) },
        {
          title: m.col.employees,
          key: 'employees',
          width: 150,
          align: 'right',
          render: (_, e) => (
            <Space size={4}>
              {scopeTag(e)}
              <span style={{ fontVariantNumeric: 'tabular-nums' }}>{e.employeeCount ?? '—'}</span>
            </Space>
          ),
        },
        { title: m.col.status, key: 'status', width: 90, render: (_, e) => <OperatingTag status={e.operatingStatus} /> },
        { title: m.col.coverage, key: 'coverage', width: 100, render: (_, e) => <CoverageTag kind={e.coverageKind} /> },
        {
          title: m.col.coveringOrg,
          key: 'org',
          width: 240,
          render: (_, e) =>
            e.coveringOrg ? (
              <Typography.Text>{e.coveringOrg.name}</Typography.Text>
            ) : (
              <Typography.Text type="secondary">—</Typography.Text>
            ),
        },
      ]}
    />
  );
}
