import { DownloadOutlined } from '@ant-design/icons';
import {
  SERVICE_VIEW_LABELS,
  SERVICE_VIEWS,
  type ServiceCategory,
  type ServiceStatus,
  type ServiceView,
} from '@tongxin/contracts/labels';
import { Alert, Badge, Button, Card, Empty, Input, Select, Space, Tabs } from 'antd';
import { useState } from 'react';
import { PageHeader } from '../components/PageHeader';
import { useServiceQueue } from '../features/services/api';
import { CategorySelect } from '../features/services/CategorySelect';
import { serviceMessages as m } from '../features/services/messages';
import { ServiceOverview } from '../features/services/ServiceOverview';
import { ServiceRequestList } from '../features/services/ServiceRequestList';
import { statusOptions, useServiceFilter } from '../features/services/useServiceFilter';
import { withQuery } from '../lib/api';
import { formatNumber } from '../lib/format';
import { useIsMobile } from '../lib/useIsMobile';

const isView = (v: string | null): v is ServiceView => (SERVICE_VIEWS as readonly string[]).includes(v ?? '');

/** 诉求办理: the committee's queue — mine / unassigned / overdue / all in scope — with filters in the URL. */
export default function ServiceQueuePage() {
  const mobile = useIsMobile();
  const { params, filter, update } = useServiceFilter({ view: 'unassigned' });
  const view: ServiceView = isView(params.get('view')) ? (params.get('view') as ServiceView) : 'unassigned';
  const list = useServiceQueue(view, filter);
  const [draft, setDraft] = useState(filter.q ?? '');
  const counts = list.data?.counts;
  // The overview is open by default on a laptop; on a phone the queue comes first.
  const showOverview = params.get('overview') ? params.get('overview') === 'show' : !mobile;
  const filtered = Boolean(filter.q || filter.status || filter.category);
  const label = (v: ServiceView) => (
    <Space size={6}>
      {SERVICE_VIEW_LABELS[v]}
      {counts && v !== 'all' && counts[v] > 0 ? (
        <Badge count={counts[v]} color={v === 'overdue' ? 'red' : v === 'unassigned' ? 'orange' : 'blue'} size="small" />
      ) : null}
    </Space>
  );
  return (
    <Card>
      <PageHeader title={m.queueTitle}>
        <a
          href={withQuery('/api/service-requests/export', {
            view,
            status: filter.status,
            category: filter.category,
            q: filter.q,
          })}
          download
        >
          <Button icon={<DownloadOutlined />} data-testid="service-export">
            {m.export}
          </Button>
        </a>
        <Button
          type="link"
          onClick={() => update({ overview: showOverview ? undefined : 'show' })}
          data-testid="service-overview-toggle"
        >
          {showOverview ? m.overview.hide : m.overview.show}
        </Button>
      </PageHeader>
      {showOverview && <ServiceOverview mobile={mobile} />}
      <Tabs
        activeKey={view}
        onChange={(key) => update({ view: key, status: undefined, page: 1 })}
        items={SERVICE_VIEWS.map((v) => ({ key: v, label: label(v) }))}
      />
      <Space
        wrap
        style={{ marginBottom: 16, width: mobile ? '100%' : undefined }}
        styles={{ item: mobile ? { flex: '1 1 100%' } : undefined }}
      >
        <Input.Search
          allowClear
          placeholder={m.searchPlaceholder}
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          onSearch={(value) => update({ q: value.trim(), page: 1 })}
          style={{ width: mobile ? '100%' : 260 }}
          enterButton="查询"
        />
        <CategorySelect
          allowClear
          placeholder={m.allCategories}
          value={filter.category}
          onChange={(v: ServiceCategory | undefined) => update({ category: v, page: 1 })}
          style={{ width: mobile ? '100%' : 160 }}
          data-testid="service-category-filter"
        />
        {(view === 'all' || view === 'mine') && (
          <Select
            allowClear
            placeholder={m.allStatuses}
            value={filter.status}
            onChange={(v: ServiceStatus | undefined) => update({ status: v, page: 1 })}
            options={statusOptions}
            style={{ width: mobile ? '100%' : 130 }}
          />
        )}
      </Space>
      {list.error && <Alert type="error" showIcon title={list.error.message} style={{ marginBottom: 16 }} />}
      <ServiceRequestList
        items={list.data?.items ?? []}
        loading={list.isFetching}
        empty={<Empty description={filtered ? m.empty.search : m.empty[view]} />}
        pagination={{
          current: filter.page,
          pageSize: filter.pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (t) => m.total(formatNumber(t)),
          onChange: (p, size) => update({ page: size !== filter.pageSize ? 1 : p, pageSize: size }),
        }}
      />
    </Card>
  );
}
