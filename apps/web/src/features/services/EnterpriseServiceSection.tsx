import { PlusOutlined } from '@ant-design/icons';
import { Button, Empty, Space, Statistic } from 'antd';
import { useNavigate } from 'react-router';
import { useMe } from '../auth/api';
import { useRaisedRequests, useServiceQueue } from './api';
import { serviceMessages as m } from './messages';
import { ServiceRequestList } from './ServiceRequestList';

/**
 * The requests section of an enterprise's detail page (its slot: features/enterprises/sections.ts): its latest requests (through the handler's queue or the
 * requesting side's list, whichever the user is on), with totals and the average rating.
 */
export function EnterpriseServiceSection({ enterpriseId }: { enterpriseId: string }) {
  const { data: me } = useMe();
  const navigate = useNavigate();
  const handler = me?.abilities.serviceQueue ?? false;
  const raiser = !handler && (me?.abilities.serviceRaise ?? false);
  const filter = { enterpriseId, page: 1, pageSize: 10 };
  const queue = useServiceQueue('all', filter, handler);
  const raised = useRaisedRequests(filter, raiser);
  if (!handler && !raiser) return null;
  const data = handler ? queue.data : raised.data;
  const items = data?.items ?? [];
  const rated = items.filter((r) => r.rating !== null);
  const average = rated.length ? rated.reduce((s, r) => s + (r.rating ?? 0), 0) / rated.length : null;
  return (
    <div data-testid="enterprise-services">
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 16, alignItems: 'flex-end', marginBottom: 12 }}>
        {items.length > 0 && (
          <Space size={32}>
            <Statistic title={m.sectionTotal} value={data?.total ?? 0} />
            <Statistic title={m.sectionRating} value={average === null ? '—' : average.toFixed(1)} />
          </Space>
        )}
        <div style={{ flex: 1 }} />
        {raiser && (
          <Button size="small" icon={<PlusOutlined />} onClick={() => navigate('/services/new')}>
            {m.raise}
          </Button>
        )}
      </div>
      <ServiceRequestList
        items={items}
        loading={(handler ? queue : raised).isFetching}
        hideEnterprise
        pagination={false}
        empty={<Empty description={m.empty.enterprise} />}
      />
    </div>
  );
}

export default EnterpriseServiceSection;
