import { PlusOutlined } from '@ant-design/icons';
import type { ServiceStatus } from '@tongxin/contracts/labels';
import { Alert, Button, Card, Empty, Select, Space } from 'antd';
import { useNavigate } from 'react-router';
import { PageHeader } from '../components/PageHeader';
import { useRaisedRequests, useServiceEnterprises } from '../features/services/api';
import { serviceMessages as m } from '../features/services/messages';
import { ServiceRequestList } from '../features/services/ServiceRequestList';
import { statusOptions, useServiceFilter } from '../features/services/useServiceFilter';
import { formatNumber } from '../lib/format';
import { useIsMobile } from '../lib/useIsMobile';

/** 我的诉求: the enterprise's side — answered requests waiting for a rating first. Made for a phone first. */
export default function MyServiceRequestsPage() {
  const mobile = useIsMobile();
  const navigate = useNavigate();
  const { filter, update } = useServiceFilter();
  const list = useRaisedRequests(filter);
  const enterprises = useServiceEnterprises();
  const single = (enterprises.data?.length ?? 0) <= 1;
  const waiting = (list.data?.items ?? []).filter((r) => r.status === 'answered').length;
  return (
    <Card>
      <PageHeader title={m.mineTitle}>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/services/new')} data-testid="service-raise">
          {m.raise}
        </Button>
      </PageHeader>
      {waiting > 0 && !filter.status && (
        <Alert type="info" showIcon title={`${waiting} 条${m.waitingRating}`} style={{ marginBottom: 12 }} />
      )}
      <Space style={{ marginBottom: 12, width: mobile ? '100%' : undefined }} styles={{ item: mobile ? { flex: 1 } : undefined }}>
        <Select
          allowClear
          placeholder={m.allStatuses}
          value={filter.status}
          onChange={(v: ServiceStatus | undefined) => update({ status: v, page: 1 })}
          options={statusOptions}
          style={{ width: mobile ? '100%' : 140 }}
        />
      </Space>
      {list.error && <Alert type="error" showIcon title={list.error.message} style={{ marginBottom: 16 }} />}
      <ServiceRequestList
        items={list.data?.items ?? []}
        loading={list.isFetching}
        hideEnterprise={single}
        empty={<Empty description={filter.status ? m.empty.search : m.empty.raised} />}
        pagination={{
          current: filter.page,
          pageSize: filter.pageSize,
          total: list.data?.total ?? 0,
          showTotal: (t) => m.total(formatNumber(t)),
          onChange: (p, size) => update({ page: size !== filter.pageSize ? 1 : p, pageSize: size }),
        }}
      />
    </Card>
  );
}
