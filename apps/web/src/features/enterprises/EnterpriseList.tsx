import type { EnterpriseSummary } from '@tongxin/contracts';
import { Descriptions, Space, type TablePaginationConfig, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { ResponsiveList } from '../../components/ResponsiveList';
import { CoverageTag, OperatingTag } from './EnterpriseTags';
import { enterpriseMessages as m } from './messages';
import { shortOrgName } from './names';

interface Props {
  items: EnterpriseSummary[];
  loading: boolean;
  pagination: TablePaginationConfig;
  empty: ReactNode;
}

const area = (e: EnterpriseSummary) => (e.parkName ? shortOrgName(e.parkName) : shortOrgName(e.districtName ?? e.area.name));
const scopeTag = (e: EnterpriseSummary) => (e.inScope ? null : <Tag>{m.outScopeTag}</Tag>);

/** A table on a laptop; cards on a phone. */
export function EnterpriseList({ items, loading, pagination, empty }: Props) {
  return (
    <ResponsiveList<EnterpriseSummary>
      items={items}
      rowKey="id"
      loading={loading}
      pagination={pagination}
      empty={empty}
      scrollX={1100}
      cardsTestId="enterprise-cards"
      card={(e) => ({
        title: <Link to={`/enterprises/${e.id}`}>{e.name}</Link>,
        extra: <CoverageTag kind={e.coverageKind} />,
        body: (
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
        ),
      })}
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
        { title: m.col.area, key: 'area', width: 200, render: (_, e) => area(e) },
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
